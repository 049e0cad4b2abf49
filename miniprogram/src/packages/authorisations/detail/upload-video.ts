import type { AuthorisationView, VideoUpload } from '@zhixiang/shared/authorisations/schemas';
import { api } from '../../../services/api';
import { putPart, type Recording } from './recording';

/** How many part URLs one request asks for (the server hands out at most 20). */
const URL_BATCH = 20;

/** Bytes the server has recorded, of the whole recording. */
export function uploadedShare(upload: VideoUpload): number {
  const bytes = upload.uploadedParts.reduce(
    (sum, part) =>
      sum + Math.min(upload.partBytes, upload.sizeBytes - (part.partNumber - 1) * upload.partBytes),
    0,
  );
  return upload.sizeBytes === 0 ? 0 : Math.round((bytes / upload.sizeBytes) * 100);
}

/**
 * The resumable multipart upload of the recording: a fresh start (a new recording) or, resuming,
 * the upload the server knows (GET …/video); then only the parts the server has not recorded,
 * each PUT straight to S3 and its ETag recorded on the server, then complete (the server's checks,
 * then submitted). A dropped connection throws; calling again with `resume` sends the rest.
 */
export async function uploadRecording(
  authorisationId: string,
  recording: Recording,
  mode: 'start' | 'resume',
  onProgress: (percent: number) => void,
): Promise<AuthorisationView> {
  const silent = { silent: true };
  let upload =
    mode === 'start'
      ? await api.startAuthorisationVideoUpload(authorisationId, { sizeBytes: recording.sizeBytes }, silent)
      : await api.getAuthorisationVideoUpload(authorisationId, silent);
  onProgress(uploadedShare(upload));
  const recorded = new Set(upload.uploadedParts.map((part) => part.partNumber));
  const missing = Array.from({ length: upload.partCount }, (_, i) => i + 1).filter((n) => !recorded.has(n));
  for (let i = 0; i < missing.length; i += URL_BATCH) {
    const { parts } = await api.presignAuthorisationVideoParts(
      authorisationId,
      { partNumbers: missing.slice(i, i + URL_BATCH) },
      silent,
    );
    for (const { partNumber, url } of parts) {
      const start = (partNumber - 1) * upload.partBytes;
      const end = Math.min(start + upload.partBytes, upload.sizeBytes);
      const etag = await putPart(recording, url, start, end);
      upload = await api.recordAuthorisationVideoPart(authorisationId, String(partNumber), { etag }, silent);
      onProgress(uploadedShare(upload));
    }
  }
  return api.completeAuthorisationVideo(authorisationId, silent);
}
