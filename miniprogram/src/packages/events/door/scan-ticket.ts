import Taro from '@tarojs/taro';
import { CAMERA_UNAVAILABLE_MESSAGE } from './messages';

/**
 * Scans one QR code with WeChat's scanner (`wx.scanCode`, camera only): the scanned text, or null
 * when the person cancelled. The H5 build takes `scan-ticket.h5.ts` instead (Taro's per-platform
 * files), so the browser camera's code and its decoder never reach the mini program.
 */
export async function scanTicket(): Promise<string | null> {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result.result;
  } catch (error) {
    const message = (error as { errMsg?: string }).errMsg ?? '';
    if (/cancel/.test(message)) return null;
    throw new Error(CAMERA_UNAVAILABLE_MESSAGE);
  }
}
