import Taro from '@tarojs/taro';

/** Why the camera could not be used, as staff read it. */
export const CAMERA_UNAVAILABLE_MESSAGE = '无法打开摄像头：请在设置中允许使用摄像头后重试';

let browserScanner: Promise<typeof import('./browser-camera')> | undefined;

/**
 * Loads the H5 build's scanner (a chunk of its own) while the network is there, so that the door
 * keeps scanning when it goes: called when the door opens. Nothing to load in WeChat.
 */
export function prepareScanner(): void {
  if (process.env.TARO_ENV === 'h5') browserScanner ??= import('./browser-camera');
}

/**
 * Scans one QR code with the camera: the scanned text, or null when the person cancelled. In
 * WeChat it is the system's scanner (`wx.scanCode`, camera only); in the H5 build the browser's
 * camera with a decoder (loaded only there, so no DOM code reaches the mini program).
 */
export async function scanTicket(): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    browserScanner ??= import('./browser-camera');
    const { scanWithBrowserCamera } = await browserScanner;
    return scanWithBrowserCamera();
  }
  try {
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result.result;
  } catch (error) {
    const message = (error as { errMsg?: string }).errMsg ?? '';
    if (/cancel/.test(message)) return null;
    throw new Error(CAMERA_UNAVAILABLE_MESSAGE);
  }
}
