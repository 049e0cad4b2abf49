import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import {
  MAX_ID_IMAGE_BYTES,
  MAX_SELFIE_VIDEO_BYTES,
  UPLOAD_URL_SECONDS,
  type UploadKind,
  type UploadTicket,
} from '@zhixiang/shared/identity/id-card';
import type { IdentityDeps } from './deps';
import { requireIdentityConsent } from './record-identity-consent';
import { identitySubjectOf } from './trustee-subject';

/** ID images and selfie videos are deleted this long after upload (docs/identity-verification.md). */
export const IDENTITY_FILE_RETENTION_DAYS = 30;

/**
 * A presigned PUT for one ID-card photo or selfie video, to a key the server chooses under
 * `identity/<customerId>/`. The file is checked (type by magic bytes, size) when it is used.
 */
export async function createIdentityUpload(
  container: IdentityDeps,
  claims: AccessClaims,
  input: { kind: UploadKind; customerId?: string | undefined; authorisationId?: string | undefined },
): Promise<UploadTicket> {
  // A trustee's own files are keyed on `trustee:<userId>`, as their verifications are.
  const { subjectId } = await identitySubjectOf(container, claims, input);
  const customer = { customerId: subjectId };
  await requireIdentityConsent(container, claims);
  const now = container.now();
  const limited = await container.rateLimiter.consume(
    [{ key: `identityupload:${customer.customerId}:hour`, limit: 30, windowSeconds: 3600 }],
    now,
  );
  if (!limited.allowed)
    throw new AppError('RATE_LIMITED', '上传过于频繁，请稍后再试', {
      retryAfterSeconds: limited.retryAfterSeconds,
    });
  const uploadId = randomUUID();
  const key = `identity/${customer.customerId}/${uploadId}/${input.kind}`;
  // The type is decided by the file's first bytes when it is used, not by what the device declares.
  const contentType = 'application/octet-stream';
  await container.identityUploads.createUpload(
    { uploadId, customerId: customer.customerId, userId: claims.sub, kind: input.kind, key, createdAt: now },
    now + IDENTITY_FILE_RETENTION_DAYS * 24 * 3600_000,
  );
  return {
    uploadId,
    kind: input.kind,
    uploadUrl: await container.identityFiles.presignPut(key, contentType, UPLOAD_URL_SECONDS),
    contentType,
    maxBytes: input.kind === 'selfie_video' ? MAX_SELFIE_VIDEO_BYTES : MAX_ID_IMAGE_BYTES,
    expiresAt: now + UPLOAD_URL_SECONDS * 1000,
  };
}
