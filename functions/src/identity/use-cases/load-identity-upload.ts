import { AppError } from '@zhixiang/shared/errors';
import {
  imageTypeOf,
  MAX_ID_IMAGE_BYTES,
  MAX_SELFIE_VIDEO_BYTES,
  UPLOAD_KIND_LABELS,
  type UploadKind,
  videoTypeOf,
} from '@zhixiang/shared/identity/id-card';
import type { IdentityUpload } from '@zhixiang/shared/ports/identity-verifications';
import { checkUploadedFile } from '@zhixiang/shared/uploads/checked-file';
import type { IdentityDeps } from './deps';

export interface CheckedUpload {
  upload: IdentityUpload;
  bytes: Uint8Array;
  contentType: string;
}

/**
 * An uploaded file, checked by the server (s3rver and presigned PUTs enforce nothing): it belongs
 * to this customer and was uploaded by this user, is of the expected kind, within the size limit,
 * and is really a JPEG/PNG (or an MP4 / WebM video) by its first bytes. A rejected file is deleted.
 */
export async function loadCheckedUpload(
  container: Pick<IdentityDeps, 'identityUploads' | 'identityFiles'>,
  input: { uploadId: string; kind: UploadKind; customerId: string; userId: string; field: string },
): Promise<CheckedUpload> {
  const label = UPLOAD_KIND_LABELS[input.kind];
  const upload = await container.identityUploads.getUpload(input.uploadId);
  if (!upload || upload.customerId !== input.customerId || upload.userId !== input.userId)
    throw new AppError('NOT_FOUND', `未找到上传的${label}`, { field: input.field });
  if (upload.kind !== input.kind)
    throw new AppError('VALIDATION_FAILED', `请上传${label}`, { field: input.field });
  const video = input.kind === 'selfie_video';
  const maxBytes = video ? MAX_SELFIE_VIDEO_BYTES : MAX_ID_IMAGE_BYTES;
  const { bytes, contentType } = await checkUploadedFile<string>(container.identityFiles, upload.key, {
    maxBytes,
    typeOf: video ? videoTypeOf : imageTypeOf,
    field: input.field,
    notUploaded: `${label}尚未上传完成，请重新上传`,
    tooLarge: `${label}超过 ${maxBytes / 1024 / 1024} MB，请${video ? '缩短视频' : '降低照片分辨率'}后重新上传`,
    wrongType: video ? '自拍视频仅支持 MP4 或 WebM 格式' : `${label}仅支持 JPG 或 PNG 格式的照片`,
  });
  return { upload, bytes, contentType };
}
