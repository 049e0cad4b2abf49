import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  type AuthorisationView,
  MAX_DOCUMENT_PHOTO_BYTES,
  UPLOAD_URL_SECONDS,
} from '@zhixiang/shared/authorisations/schemas';
import { transition } from '@zhixiang/shared/authorisations/status';
import { AppError } from '@zhixiang/shared/errors';
import { imageTypeOf } from '@zhixiang/shared/identity/id-card';
import type { AuthorisationRecord } from '@zhixiang/shared/ports/authorisations';
import { checkUploadedFile } from '@zhixiang/shared/uploads/checked-file';
import type { AuthorisationDeps } from './deps';
import { customerView, ownAuthorisation, saveAuthorisation } from './own-authorisation';

export const CONSENT_FIRST = '请先阅读并同意录像授权的个人信息处理规则，再上传证件照片或视频';

/** Uploads need the separate consent, and a power of attorney still open to change. */
export function requireConsentedDraft(record: AuthorisationRecord): void {
  transition(record.status, 'edit');
  if (!record.consent) throw new AppError('CONFLICT', CONSENT_FIRST);
}

const documentPhotoKey = (record: AuthorisationRecord) =>
  `authorisations/${record.customerId}/${record.authorisationId}/document-photo`;

/** A presigned PUT for the document's photo page, to a key the server chose. */
export async function createDocumentPhotoUpload(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
) {
  const { record } = await ownAuthorisation(deps, claims, authorisationId);
  requireConsentedDraft(record);
  // The type is decided by the file's first bytes when it is checked, not by what the device declares.
  const contentType = 'application/octet-stream';
  return {
    uploadUrl: await deps.authorisationFiles.presignPut(
      documentPhotoKey(record),
      contentType,
      UPLOAD_URL_SECONDS,
    ),
    contentType,
    maxBytes: MAX_DOCUMENT_PHOTO_BYTES,
    expiresAt: new Date(deps.now() + UPLOAD_URL_SECONDS * 1000).toISOString(),
  };
}

/** The uploaded photo page checked by the server (size, JPEG or PNG by its first bytes) and kept. */
export async function checkDocumentPhoto(
  deps: AuthorisationDeps,
  claims: AccessClaims,
  authorisationId: string,
): Promise<AuthorisationView> {
  const { customer, record } = await ownAuthorisation(deps, claims, authorisationId);
  requireConsentedDraft(record);
  const key = documentPhotoKey(record);
  const { contentType } = await checkUploadedFile(deps.authorisationFiles, key, {
    maxBytes: MAX_DOCUMENT_PHOTO_BYTES,
    typeOf: imageTypeOf,
    field: 'documentPhoto',
    notUploaded: '证件照片页尚未上传完成，请重新上传',
    tooLarge: `证件照片页超过 ${MAX_DOCUMENT_PHOTO_BYTES / 1024 / 1024} MB，请降低照片分辨率后重新上传`,
    wrongType: '证件照片页仅支持 JPG 或 PNG 格式的照片',
  });
  const saved = await saveAuthorisation(deps, {
    ...record,
    documentPhoto: { key, contentType, checkedAt: new Date(deps.now()).toISOString() },
  });
  return customerView(deps, customer, saved);
}
