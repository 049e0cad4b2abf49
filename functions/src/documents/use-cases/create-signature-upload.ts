import { randomUUID } from 'node:crypto';
import {
  ALREADY_SIGNED_MESSAGE,
  DOCUMENT_LINK_SECONDS,
  documentKeys,
} from '@zhixiang/shared/documents/model';
import type { SignatureUploadResponse } from '@zhixiang/shared/documents/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type Actor, canHostSigning, type DocumentDeps, loadOpenableDocument } from './document-deps';

/** Upper bounds checked after upload (s3rver, and S3 with a presigned PUT, do not enforce them). */
export const SIGNATURE_MAX_BYTES = { strokes: 256 * 1024, image: 512 * 1024 } as const;

export const NOT_SIGNER_MESSAGE = '仅投保人本人可签署该申请书（业务员可在本人设备上协助客户当面签署）';

/**
 * Server-chosen S3 keys and presigned PUTs for the drawn signature: the strokes (JSON) and the
 * image (PNG). Nothing is trusted until sign-document reads and checks them.
 */
export async function createSignatureUpload(
  deps: Pick<DocumentDeps, 'repositories' | 'files' | 'now'>,
  actor: Actor,
  documentId: string,
): Promise<SignatureUploadResponse> {
  const document = await loadOpenableDocument(deps, actor.claims, documentId);
  if (document.status !== 'awaiting_signature') throw new AppError('CONFLICT', ALREADY_SIGNED_MESSAGE);
  if (!canHostSigning(actor.claims, document)) throw new AppError('FORBIDDEN', NOT_SIGNER_MESSAGE);
  const uploadId = randomUUID();
  const [strokesUrl, imageUrl] = await Promise.all([
    deps.files.uploadUrl(documentKeys.signatureStrokes(documentId, uploadId), 'application/json'),
    deps.files.uploadUrl(documentKeys.signatureImage(documentId, uploadId), 'image/png'),
  ]);
  return {
    uploadId,
    strokes: { url: strokesUrl, contentType: 'application/json' },
    image: { url: imageUrl, contentType: 'image/png' },
    expiresAt: new Date(deps.now() + DOCUMENT_LINK_SECONDS * 1000).toISOString(),
    maxBytes: { ...SIGNATURE_MAX_BYTES },
  };
}
