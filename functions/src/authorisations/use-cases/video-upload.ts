import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  type EvidenceRetention,
  evidenceRetention,
  policyEndDate,
} from '@zhixiang/shared/authorisations/retention';
import {
  type AuthorisationView,
  MAX_VIDEO_BYTES,
  MAX_VIDEO_SECONDS,
  MIN_VIDEO_SECONDS,
  UPLOAD_URL_SECONDS,
  VIDEO_PART_BYTES,
  type VideoUpload,
  videoTooLarge,
} from '@zhixiang/shared/authorisations/schemas';
import { transition } from '@zhixiang/shared/authorisations/status';
import { videoDurationSeconds } from '@zhixiang/shared/authorisations/video-duration';
import { videoUploadView } from '@zhixiang/shared/authorisations/view';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { videoTypeOf } from '@zhixiang/shared/identity/id-card';
import type { AuthorisationRecord } from '@zhixiang/shared/ports/authorisations';
import type { AuthorisationDeps } from './deps';
import { requireConsentedDraft } from './document-photo';
import { customerView, ownAuthorisation, saveAuthorisation } from './own-authorisation';

const NO_UPLOAD = '尚未开始上传视频，请重新开始上传';

function uploadUnderWay(record: AuthorisationRecord) {
  if (!record.videoUpload) throw new AppError('NOT_FOUND', NO_UPLOAD);
  return record.videoUpload;
}

function checkPartNumber(partNumber: number, partCount: number): void {
  if (partNumber > partCount)
    throw new AppError('VALIDATION_FAILED', `分片序号超出范围，本视频共 ${partCount} 个分片`, {
      field: 'partNumber',
    });
}

/**
 * Starts the recording's upload in parts of {@link VIDEO_PART_BYTES}: after the consent and the
 * document's photo page. A new start replaces an upload under way (a retake).
 */
export async function startVideoUpload(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
  sizeBytes: number,
): Promise<VideoUpload> {
  const { record } = await ownAuthorisation(deps, claims, authorisationId);
  requireConsentedDraft(record);
  if (!record.documentPhoto) throw new AppError('CONFLICT', '请先上传证件照片页，再上传录像');
  const now = deps.now();
  const key = `authorisations/${record.customerId}/${record.authorisationId}/video-${now}`;
  const s3UploadId = await deps.authorisationVideos.createMultipart(key, 'application/octet-stream');
  const videoUpload = {
    key,
    s3UploadId,
    sizeBytes,
    partBytes: VIDEO_PART_BYTES,
    partCount: Math.ceil(sizeBytes / VIDEO_PART_BYTES),
    parts: {},
    startedAt: new Date(now).toISOString(),
  };
  await saveAuthorisation(deps, { ...record, videoUpload });
  return videoUploadView(videoUpload);
}

/** The upload under way with the parts recorded so far: a dropped connection resumes from here. */
export async function getVideoUpload(deps: AuthorisationDeps, claims: AccessClaims, authorisationId: string) {
  const { record } = await ownAuthorisation(deps, claims, authorisationId);
  return videoUploadView(uploadUnderWay(record));
}

/** Presigned PUT URLs for these parts (a device asks only for the parts it still has to send). */
export async function presignVideoParts(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
  partNumbers: number[],
) {
  const { record } = await ownAuthorisation(deps, claims, authorisationId);
  const upload = uploadUnderWay(record);
  for (const n of partNumbers) checkPartNumber(n, upload.partCount);
  const parts = await Promise.all(
    [...new Set(partNumbers)].map(async (partNumber) => ({
      partNumber,
      url: await deps.authorisationVideos.presignPart(
        upload.key,
        upload.s3UploadId,
        partNumber,
        UPLOAD_URL_SECONDS,
      ),
    })),
  );
  return { parts, expiresAt: new Date(deps.now() + UPLOAD_URL_SECONDS * 1000).toISOString() };
}

/** The device reports a part uploaded, with the ETag S3 answered; parallel parts do not conflict. */
export async function recordVideoPart(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
  partNumber: number,
  etag: string,
): Promise<VideoUpload> {
  const { record } = await ownAuthorisation(deps, claims, authorisationId);
  const upload = uploadUnderWay(record);
  checkPartNumber(partNumber, upload.partCount);
  const clean = etag.replaceAll('"', '').toLowerCase();
  if (
    !(await deps.repositories.authorisations.recordPart(
      authorisationId,
      upload.s3UploadId,
      partNumber,
      clean,
    ))
  )
    throw new AppError('CONFLICT', '视频上传已重新开始，请刷新后继续');
  return videoUploadView({ ...upload, parts: { ...upload.parts, [String(partNumber)]: clean } });
}

/** Refuses the recording: the object is deleted and the upload cleared, so a retake starts over. */
async function refuseRecording(
  deps: AuthorisationDeps,
  record: AuthorisationRecord,
  key: string,
  message: string,
): Promise<never> {
  await deps.authorisationVideos.delete(key);
  await saveAuthorisation(deps, { ...record, videoUpload: null });
  throw new AppError('VALIDATION_FAILED', message, { field: 'video' });
}

/**
 * Completes the upload and checks the recording on the server — MP4 or WebM by its first bytes,
 * the size, the duration read from its container — computes its SHA-256 by streaming it once, and
 * submits the authorisation for review.
 */
export async function completeVideo(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
): Promise<AuthorisationView> {
  const { customer, record } = await ownAuthorisation(deps, claims, authorisationId);
  const upload = uploadUnderWay(record);
  const recorded = transition(record.status, 'record');
  const missing = upload.partCount - Object.keys(upload.parts).length;
  if (missing > 0)
    throw new AppError('VALIDATION_FAILED', `还有 ${missing} 个分片未上传完成，请继续上传`, {
      field: 'video',
    });
  const parts = Object.entries(upload.parts)
    .map(([n, etag]) => ({ partNumber: Number(n), etag }))
    .sort((a, b) => a.partNumber - b.partNumber);
  try {
    await deps.authorisationVideos.completeMultipart(upload.key, upload.s3UploadId, parts);
  } catch {
    return refuseRecording(deps, record, upload.key, '视频分片与上传记录不一致，请重新上传');
  }
  const digest = await deps.authorisationVideos.digest(upload.key, MAX_VIDEO_BYTES);
  if (!digest) return refuseRecording(deps, record, upload.key, '未找到上传的视频，请重新上传');
  if (digest.sizeBytes > MAX_VIDEO_BYTES) return refuseRecording(deps, record, upload.key, videoTooLarge());
  const contentType = videoTypeOf(digest.bytes);
  if (!contentType)
    return refuseRecording(deps, record, upload.key, '视频仅支持 MP4 或 WebM 格式，请重新录制');
  const seconds = videoDurationSeconds(digest.bytes);
  if (seconds === null) return refuseRecording(deps, record, upload.key, '无法读取视频时长，请重新录制');
  if (seconds < MIN_VIDEO_SECONDS)
    return refuseRecording(
      deps,
      record,
      upload.key,
      `视频仅 ${Math.round(seconds)} 秒，至少需要 ${MIN_VIDEO_SECONDS} 秒，请完整朗读授权文本后重新录制`,
    );
  if (seconds > MAX_VIDEO_SECONDS)
    return refuseRecording(
      deps,
      record,
      upload.key,
      `视频长 ${Math.round(seconds)} 秒，超过 ${MAX_VIDEO_SECONDS / 60} 分钟，请重新录制`,
    );
  const nowDate = new Date(deps.now());
  const now = nowDate.toISOString();
  // The recording and the photo page become the evidence: copied under Object Lock (the policies'
  // life + 10 years, as the data gives it), staging cleared.
  const retention = await evidenceRetentionOf(deps, record, todayInShanghai(nowDate));
  const { retainUntil } = retention;
  const evidence = `authorisations/${record.customerId}/${record.authorisationId}`;
  const videoKey = `${evidence}/recording.${contentType === 'video/mp4' ? 'mp4' : 'webm'}`;
  const versionId = await deps.authorisationVideos.keepAsEvidence(upload.key, videoKey, retainUntil);
  const photo = record.documentPhoto;
  const documentPhoto = photo && {
    ...photo,
    key: `${evidence}/document-photo`,
    versionId: await deps.authorisationVideos.keepAsEvidence(
      photo.key,
      `${evidence}/document-photo`,
      retainUntil,
    ),
  };
  const saved = await saveAuthorisation(deps, {
    ...record,
    status: transition(recorded, 'submit'),
    videoUpload: null,
    documentPhoto,
    recording: {
      key: videoKey,
      versionId,
      retainUntil: retainUntil.toISOString(),
      ...(retention.openEndedPolicyNos.length > 0
        ? { openEndedPolicyNos: retention.openEndedPolicyNos }
        : {}),
      contentType,
      sizeBytes: digest.sizeBytes,
      durationSeconds: Math.round(seconds * 10) / 10,
      sha256: digest.sha256,
      scriptDate: todayInShanghai(new Date(upload.startedAt)),
      recordedAt: now,
    },
    submittedAt: now,
  });
  return customerView(deps, customer, saved);
}

/**
 * The lock of an authorisation's evidence: each named policy's end from its product's term (a
 * policy not found, or without a term, is open-ended), the latest + 10 years (`retention.ts`).
 */
export async function evidenceRetentionOf(
  deps: Pick<AuthorisationDeps, 'repositories'>,
  record: AuthorisationRecord,
  today: string,
): Promise<EvidenceRetention> {
  const { policies, products, customers } = deps.repositories;
  const held = await policies.listByCustomer(record.customerId);
  const horizons = await Promise.all(
    record.poa.policyNos.map(async (policyNo) => {
      const policy = held.find((p) => p.policyNo === policyNo);
      if (!policy) return { policyNo, endDate: null };
      const [product, insured] = await Promise.all([
        products.get(policy.productCode),
        customers.get(policy.insuredId),
      ]);
      return { policyNo, endDate: insured ? policyEndDate(policy, product, insured.birthDate) : null };
    }),
  );
  return evidenceRetention(today, horizons);
}
