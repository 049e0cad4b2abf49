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

/**
 * The recording chosen for each authorisation, kept so that an upload resumes after the customer
 * left the page — and in the browser, after a full reload or a closed tab: its bytes go to the
 * browser's IndexedDB (a 3-minute video is far beyond localStorage's quota). Where IndexedDB is
 * unavailable (a private window may refuse it) the copy in memory still serves until a reload.
 */
const inMemory = new Map<string, Recording>();
const DATABASE = 'zx-authorisation-recordings';
const STORE = 'recordings';

function request<T>(run: (store: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode): Promise<T> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const database = opening.result;
      const pending = run(database.transaction(STORE, mode).objectStore(STORE));
      pending.onsuccess = () => {
        resolve(pending.result);
        database.close();
      };
      pending.onerror = () => {
        reject(pending.error);
        database.close();
      };
    };
  });
}

export async function keepRecording(authorisationId: string, recording: Recording): Promise<void> {
  inMemory.set(authorisationId, recording);
  try {
    const blob = await blobOf(recording.path);
    await request((store) => store.put(blob, authorisationId), 'readwrite');
  } catch {
    // Kept in memory only.
  }
}

export async function keptRecording(authorisationId: string): Promise<Recording | undefined> {
  const remembered = inMemory.get(authorisationId);
  if (remembered) return remembered;
  try {
    const blob = await request<Blob | undefined>((store) => store.get(authorisationId), 'readonly');
    if (!(blob instanceof Blob)) return undefined;
    const recording = { path: URL.createObjectURL(blob), sizeBytes: blob.size };
    cached = { path: recording.path, blob };
    inMemory.set(authorisationId, recording);
    return recording;
  } catch {
    return undefined;
  }
}

export async function forgetRecording(authorisationId: string): Promise<void> {
  inMemory.delete(authorisationId);
  try {
    await request((store) => store.delete(authorisationId), 'readwrite');
  } catch {
    // Nothing was kept.
  }
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
