import { readFileSync } from 'node:fs';

/** 16 s recorded by Chromium's MediaRecorder from its fake camera (WebM, no Duration element). */
export const RECORDING = readFileSync(new URL('./fixtures/chromium-fake-camera-16s.webm', import.meta.url));

/**
 * The 16 s recording followed by an EBML Void element up to `totalBytes`: a valid WebM of the same
 * duration, large enough to take several parts of a multipart upload.
 */
export function paddedRecording(totalBytes: number): Buffer {
  const padding = totalBytes - RECORDING.length - 9;
  const header = Buffer.alloc(9);
  header[0] = 0xec;
  header[1] = 0x01; // an 8-byte size
  header.writeUIntBE(padding, 3, 6);
  return Buffer.concat([RECORDING, header, Buffer.alloc(padding)]);
}
