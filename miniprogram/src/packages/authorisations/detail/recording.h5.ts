import Taro from '@tarojs/taro';
import { MAX_VIDEO_SECONDS } from '@zhixiang/shared/authorisations/schemas';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../services/request';
import type { Recording } from './recording';

/**
 * The H5 build's recording (Taro takes this file for `./recording` in H5): the browser's camera or
 * a file through Taro's video chooser, its size read from the Blob.
 */
export async function recordVideo(): Promise<Recording | undefined> {
  let path: string;
  try {
    const result = await Taro.chooseVideo({
      sourceType: ['camera', 'album'],
      maxDuration: MAX_VIDEO_SECONDS,
      camera: 'front',
    });
    path = result.tempFilePath;
  } catch {
    return undefined;
  }
  if (!path) return undefined;
  const blob = await blobOf(path);
  return { path, sizeBytes: blob.size };
}

/** The recording's bytes, read once: Taro hands the file over as a data URL. */
let cached: { path: string; blob: Blob } | null = null;
async function blobOf(path: string): Promise<Blob> {
  if (cached?.path !== path) cached = { path, blob: await (await fetch(path)).blob() };
  return cached.blob;
}

/** Sends one slice of the recording's Blob to its presigned UploadPart URL; the ETag S3 answered. */
export async function putPart(
  recording: Recording,
  url: string,
  start: number,
  end: number,
): Promise<string> {
  const blob = await blobOf(recording.path);
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', body: blob.slice(start, end) });
  } catch {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
  const etag = response.headers.get('ETag');
  if (!response.ok || !etag)
    throw new ApiError('UPSTREAM_FAILED', '录像上传失败，请继续上传', response.status);
  return etag;
}
