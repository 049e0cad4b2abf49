import jsQR from 'jsqr';
import { CAMERA_UNAVAILABLE_MESSAGE } from './messages';

/** How often a frame is decoded: often enough to feel instant, rarely enough to spare the phone. */
const FRAME_INTERVAL_MS = 120;

/**
 * The H5 build's scanner (Taro takes this file for `./scan-ticket` in H5): the rear camera in a
 * full-screen overlay, each frame decoded with jsQR until a QR code is found (its text) or staff
 * tap 取消 (null). The camera is released either way. It is part of the door page's own code, so a
 * door that loses its network keeps scanning.
 */
export function scanTicket(): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const overlay = document.createElement('div');
    overlay.className = 'zx-scanner';
    overlay.setAttribute('data-testid', 'qr-scanner');
    const video = document.createElement('video');
    video.setAttribute('playsinline', 'true');
    video.muted = true;
    const hint = document.createElement('div');
    hint.className = 'zx-scanner__hint';
    hint.textContent = '将入场二维码放入画面中';
    const cancel = document.createElement('button');
    cancel.className = 'zx-scanner__cancel';
    cancel.textContent = '取消';
    overlay.append(video, hint, cancel);
    document.body.append(overlay);

    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let stream: MediaStream | null = null;
    let done = false;
    const finish = (value: string | null, error?: Error) => {
      if (done) return;
      done = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
      overlay.remove();
      if (error) reject(error);
      else resolve(value);
    };
    cancel.addEventListener('click', () => finish(null));

    const decode = () => {
      if (done) return;
      if (context && video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        if (code?.data) {
          finish(code.data);
          return;
        }
      }
      setTimeout(decode, FRAME_INTERVAL_MS);
    };

    if (!navigator.mediaDevices?.getUserMedia) {
      finish(null, new Error(CAMERA_UNAVAILABLE_MESSAGE));
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (done) {
          for (const track of media.getTracks()) track.stop();
          return;
        }
        video.srcObject = media;
        await video.play();
        decode();
      })
      .catch(() => finish(null, new Error(CAMERA_UNAVAILABLE_MESSAGE)));
  });
}
