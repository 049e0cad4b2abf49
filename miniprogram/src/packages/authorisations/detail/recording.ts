import Taro from '@tarojs/taro';
import { MAX_VIDEO_SECONDS } from '@zhixiang/shared/authorisations/schemas';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../services/request';

/** A recording chosen on the device: where it is and how many bytes it has. */
export interface Recording {
  path: string;
  sizeBytes: number;
}

/**
 * Records the customer reading the script with WeChat's camera (front camera, at most 3 minutes).
 * The H5 build takes `recording.h5.ts` instead (Taro's per-platform files): the browser's file and
 * its Blob never reach the mini program. Undefined when the customer closed the camera.
 */
export async function recordVideo(): Promise<Recording | undefined> {
  try {
    const result = await Taro.chooseMedia({
      count: 1,
      mediaType: ['video'],
      sourceType: ['camera'],
      maxDuration: MAX_VIDEO_SECONDS,
      camera: 'front',
    });
    const file = result.tempFiles[0];
    return file ? { path: file.tempFilePath, sizeBytes: file.size } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The recording chosen for each authorisation, so that an upload resumes after the customer left
 * the page. WeChat keeps a temp file as long as the mini program lives, so memory is enough here;
 * the H5 build keeps the bytes themselves (`recording.h5.ts`).
 */
const kept = new Map<string, Recording>();

export async function keepRecording(authorisationId: string, recording: Recording): Promise<void> {
  kept.set(authorisationId, recording);
}

export async function keptRecording(authorisationId: string): Promise<Recording | undefined> {
  return kept.get(authorisationId);
}

export async function forgetRecording(authorisationId: string): Promise<void> {
  kept.delete(authorisationId);
}

/**
 * Sends bytes [start, end) of the recording to a presigned UploadPart URL and answers the ETag S3
 * returned: WeChat reads just that part of the file and PUTs it as an ArrayBuffer.
 */
export async function putPart(
  recording: Recording,
  url: string,
  start: number,
  end: number,
): Promise<string> {
  const data = await new Promise<ArrayBuffer>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({
      filePath: recording.path,
      position: start,
      length: end - start,
      success: (result) => resolve(result.data as ArrayBuffer),
      fail: () => reject(new ApiError('VALIDATION_FAILED', '无法读取录像文件，请重新录制', 0)),
    }),
  );
  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await Taro.request({ url, method: 'PUT', data, timeout: 120000 });
  } catch {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
  if (response.statusCode < 200 || response.statusCode >= 300)
    throw new ApiError('UPSTREAM_FAILED', '录像上传失败，请继续上传', response.statusCode);
  const header = response.header as Record<string, string | undefined>;
  const etag = header.ETag ?? header.Etag ?? header.etag;
  if (!etag) throw new ApiError('UPSTREAM_FAILED', '录像上传失败，请继续上传', response.statusCode);
  return etag;
}
