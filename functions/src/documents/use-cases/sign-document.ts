import { randomUUID } from 'node:crypto';
import { trusteeActNote, trusteeSubject } from '@zhixiang/shared/authorisations/trustee-rules';
import {
  ALREADY_SIGNED_MESSAGE,
  type DocumentRecord,
  documentKeys,
  type SealedPdfRecord,
  type SignatureRecord,
  signerOf,
} from '@zhixiang/shared/documents/model';
import type { DocumentDetail, SignDocumentRequest } from '@zhixiang/shared/documents/schemas';
import {
  judgeSignature,
  SIGNATURE_TOO_SIMPLE_MESSAGE,
  type SignatureStrokes,
  SignatureStrokesSchema,
} from '@zhixiang/shared/documents/signature-quality';
import { toDocumentDetail } from '@zhixiang/shared/documents/view';
import { AppError } from '@zhixiang/shared/errors';
import type { VerifiedIdentity } from '@zhixiang/shared/ports/identity-proofs';
import { NOT_SIGNER_MESSAGE, SIGNATURE_MAX_BYTES } from './create-signature-upload';
import {
  type Actor,
  auditEvent,
  canHostSigning,
  type DocumentDeps,
  loadOpenableDocument,
  sha256Hex,
} from './document-deps';

export const CONTENT_CHANGED_MESSAGE = '申请书内容已更新，请重新查看后签名';
export const SIGNATURE_MISSING_MESSAGE = '未收到签名，请重新签名';
export const SIGNATURE_NOT_PNG_MESSAGE = '签名图片格式不正确，请重新签名';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The policyholder signs the application (申请书; the insured their consent): the content they saw
 * (its hash), identity verified for the document's purpose, the uploaded strokes and image checked
 * again on the server. Then the signing is claimed with a conditional write (a second signer gets
 * 409 and renders nothing), the application is rendered with the signature image, signed once with
 * the insurer's certificate to protect its integrity (not to agree: the 批单 is issued only when
 * the change takes effect), stored under a server-chosen key, and the document, its signature
 * record and four audit events are written in one transaction conditioned on the claim.
 */
export async function signDocument(
  deps: DocumentDeps,
  actor: Actor,
  documentId: string,
  request: SignDocumentRequest,
): Promise<DocumentDetail> {
  const document = await loadOpenableDocument(deps, actor.claims, documentId);
  if (document.status !== 'awaiting_signature') throw new AppError('CONFLICT', ALREADY_SIGNED_MESSAGE);
  if (!canHostSigning(actor.claims, document)) throw new AppError('FORBIDDEN', NOT_SIGNER_MESSAGE);
  if (request.contentHash !== document.contentHash)
    throw new AppError('CONFLICT', CONTENT_CHANGED_MESSAGE, { field: 'contentHash' });
  const identity = await requireIdentity(deps, document);
  const { strokes, image } = await readSignatureUpload(deps, documentId, request.uploadId);

  // The signing is claimed before anything is rendered: of simultaneous signers one renders and
  // seals, the others are refused here with nothing drawn and nothing stored.
  const signatureId = randomUUID();
  const claimedAt = deps.now();
  const claimed = await deps.repositories.documents.claimSigning({
    documentId,
    expectedVersion: document.version,
    claimId: signatureId,
    now: claimedAt,
    until: claimedAt + SIGNING_CLAIM_MS,
  });
  if (!claimed) throw new AppError('CONFLICT', ALREADY_SIGNED_MESSAGE);
  try {
    return await sealAndStore(deps, actor, {
      document,
      identity,
      strokes,
      image,
      signatureId,
      uploadId: request.uploadId,
    });
  } catch (error) {
    // Failed before the document was signed: the claim goes back, so the holder can sign again at
    // once (a crash here instead leaves the claim to expire after SIGNING_CLAIM_MS).
    await deps.repositories.documents.releaseSigning(documentId, signatureId).catch(() => undefined);
    throw error;
  }
}

/**
 * How long a claimed signing holds the document: longer than signing can take (the function's
 * timeout is 20 s), short enough that a crashed signer's holder can sign again within a minute.
 */
export const SIGNING_CLAIM_MS = 60_000;

interface ClaimedSigning {
  document: DocumentRecord;
  identity: VerifiedIdentity;
  strokes: SignatureStrokes;
  image: Uint8Array;
  signatureId: string;
  uploadId: string;
}

/** Renders, seals and stores the claimed signing, then records it in one transaction. */
async function sealAndStore(
  deps: DocumentDeps,
  actor: Actor,
  { document, identity, strokes, image, signatureId, uploadId }: ClaimedSigning,
): Promise<DocumentDetail> {
  const { documentId } = document;
  const signedAt = deps.now();
  const signingKey = await deps.signingKey.get();
  const rendered = await deps.pdf.renderDocument(document, { signaturePng: image, at: signedAt }, deps.brand);
  const application = document.kind === 'application';
  const { unsealed, sealed } = await deps.pdf.sealPdf(rendered.pdf, signingKey, {
    widgetRect: rendered.sealRect,
    signingTime: new Date(signedAt),
    // An application's signature protects what the customer signed; it is not the insurer's consent.
    ...(application
      ? { reason: 'Integrity of the application signed by the customer; not an endorsement' }
      : {}),
  });
  const key = documentKeys.sealedPdf(documentId, signatureId);
  await deps.files.put(key, sealed, 'application/pdf');

  const signature: SignatureRecord = {
    signatureId,
    signerCustomerId: signerOf(document).customerId,
    signerName: signerOf(document).name,
    signedByUserId: actor.claims.sub,
    hostedByAgentId: actor.claims.role === 'agent' ? (actor.claims.agentId ?? null) : null,
    verificationId: identity.verificationId,
    verificationMethod: identity.method,
    contentHash: document.contentHash,
    signedAt,
    sourceIp: actor.sourceIp,
    userAgent: actor.userAgent?.slice(0, 300) ?? null,
    strokesKey: documentKeys.signatureStrokes(documentId, uploadId),
    imageKey: documentKeys.signatureImage(documentId, uploadId),
    imageSha256: sha256Hex(image),
  };
  const sealedRecord: SealedPdfRecord = {
    key,
    sha256: sha256Hex(sealed),
    bytes: sealed.length,
    sealedAt: signedAt,
    certificateSubject: signingKey.subject,
    certificateSerial: signingKey.serialNumber,
  };
  const signedRecord: DocumentRecord = { ...document, signature, sealed: sealedRecord };
  const trusteeSigned = document.trustee
    ? `，由受托人 ${document.trustee.name} 代为签署（${trusteeActNote(document.trustee.authorisationId)}）`
    : '';
  const hosted = signature.hostedByAgentId ? `，于业务员 ${signature.hostedByAgentId} 的设备上当面签署` : '';
  const stored = await deps.repositories.documents.completeSigning({
    documentId,
    expectedVersion: document.version,
    claimId: signatureId,
    signature,
    sealed: sealedRecord,
    events: [
      auditEvent(document, 'identity_verified', actor, identity.verifiedAt, {
        detail: `方式 ${identity.method}，核验编号 ${identity.verificationId}，用途 ${document.purpose}`,
      }),
      auditEvent(document, 'signed', actor, signedAt, {
        detail: `签署人 ${signerOf(document).name}（客户 ${signerOf(document).customerId}）${hosted}${trusteeSigned}；笔画 ${strokes.strokes.length}，签名图片 SHA-256 ${signature.imageSha256}`,
      }),
      auditEvent(signedRecord, 'sealed', null, signedAt, {
        hashBefore: sha256Hex(unsealed),
        hashAfter: sealedRecord.sha256,
        detail: `CAdES 数字签名${application ? '（仅保护申请书完整性，不表示同意变更）' : ''}，证书 ${signingKey.subject}（序列号 ${signingKey.serialNumber}）`,
      }),
      auditEvent(signedRecord, 'delivered', null, signedAt + 1, {
        detail: application ? '已签署的申请书已送达「我的批单」，待审核生效' : '已送达「我的批单」',
      }),
    ],
  });
  return toDocumentDetail(stored, { canSign: false, identityVerified: true });
}

/**
 * Identity proof for exactly this document's purpose. Whatever the identity port refuses with, the
 * client gets 403 with `field: identity`, which sends it to the verification page.
 */
async function requireIdentity(deps: DocumentDeps, document: DocumentRecord): Promise<VerifiedIdentity> {
  try {
    return await deps.identityProofs.requireVerified({
      customerId: document.trustee ? trusteeSubject(document.trustee.userId) : signerOf(document).customerId,
      purpose: document.purpose,
      now: deps.now(),
    });
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError('FORBIDDEN', error.userMessage, { field: 'identity', cause: error });
    throw error;
  }
}

async function readSignatureUpload(
  deps: Pick<DocumentDeps, 'files'>,
  documentId: string,
  uploadId: string,
): Promise<{ strokes: SignatureStrokes; image: Uint8Array }> {
  const [strokesFile, imageFile] = await Promise.all([
    deps.files.readUpload(documentKeys.signatureStrokes(documentId, uploadId), SIGNATURE_MAX_BYTES.strokes),
    deps.files.readUpload(documentKeys.signatureImage(documentId, uploadId), SIGNATURE_MAX_BYTES.image),
  ]);
  if (strokesFile.status === 'missing' || imageFile.status === 'missing')
    throw new AppError('VALIDATION_FAILED', SIGNATURE_MISSING_MESSAGE, { field: 'uploadId' });
  if (strokesFile.status === 'too_large' || imageFile.status === 'too_large')
    throw new AppError('PAYLOAD_TOO_LARGE', '签名文件过大，请重新签名', { field: 'signature' });
  const image = imageFile.body;
  if (image.length < 33 || !PNG_MAGIC.equals(Buffer.from(image.subarray(0, 8))))
    throw new AppError('VALIDATION_FAILED', SIGNATURE_NOT_PNG_MESSAGE, { field: 'signature' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(strokesFile.body).toString('utf8'));
  } catch {
    throw new AppError('VALIDATION_FAILED', SIGNATURE_MISSING_MESSAGE, { field: 'signature' });
  }
  const strokes = SignatureStrokesSchema.safeParse(parsed);
  if (!strokes.success)
    throw new AppError('VALIDATION_FAILED', SIGNATURE_MISSING_MESSAGE, { field: 'signature' });
  if (!judgeSignature(strokes.data).ok)
    throw new AppError('VALIDATION_FAILED', SIGNATURE_TOO_SIMPLE_MESSAGE, { field: 'signature' });
  return { strokes: strokes.data, image };
}
