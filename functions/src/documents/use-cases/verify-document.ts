import type { X509Certificate } from 'node:crypto';
import { maskName } from '@zhixiang/shared/callback/view';
import type { VerifyDocumentRequest, VerifyDocumentResponse } from '@zhixiang/shared/documents/schemas';
import { maskFreeText, maskPolicyNo } from '@zhixiang/shared/documents/view';
import { AppError } from '@zhixiang/shared/errors';
import { type DocumentDeps, type DocumentPdf, sha256Hex } from './document-deps';

export const VERIFY_MESSAGES = {
  valid: '这是本公司出具的电子批单，签章完好，自签署以来未被改动。',
  modified: '该文件在签章后被改动过，签名已失效，内容不可信。请向本公司索取原件。',
  foreign_signature: '该文件的数字签名不是本公司作出的，不是本公司出具的电子批单。',
  unsigned: '该文件不是已签章的电子批单：没有可识别的数字签名，无法证明由本公司出具。',
  not_issued: '签章证书属于本公司，但本公司没有出具该文件的记录，请联系客服核实。',
} as const;

/**
 * Public check of an uploaded PDF: is the insurer's signature intact, and is this exact file one
 * we issued (its SHA-256 is on record)? Answers with the policy and change masked.
 */
export async function verifyDocument(
  deps: Pick<DocumentDeps, 'repositories'> & {
    /** The trusted CA certificates only: verifying never needs (nor may read) the signing key. */
    trustedCas: { get(): Promise<X509Certificate[]> };
    pdf: Pick<DocumentPdf, 'checkPdfSignature'>;
  },
  request: VerifyDocumentRequest,
): Promise<VerifyDocumentResponse> {
  const pdf = Buffer.from(request.pdfBase64, 'base64');
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new AppError('VALIDATION_FAILED', '请上传 PDF 格式的电子批单', { field: 'pdfBase64' });
  const check = deps.pdf.checkPdfSignature(pdf, await deps.trustedCas.get());
  const answer = (verdict: keyof typeof VERIFY_MESSAGES, rest: Partial<VerifyDocumentResponse> = {}) => ({
    verdict,
    genuine: verdict === 'valid',
    message: VERIFY_MESSAGES[verdict],
    document: null,
    signer: null,
    ...rest,
  });
  if (check.status === 'unsigned') return answer('unsigned');
  if (check.status === 'modified') return answer('modified');
  const signer = { subject: check.subject, signedAt: check.signingTime?.toISOString() ?? null };
  if (check.status === 'foreign') return answer('foreign_signature', { signer });
  const document = await deps.repositories.documents.findBySealedHash(sha256Hex(pdf));
  if (!document) return answer('not_issued', { signer });
  return answer('valid', {
    signer,
    document: {
      documentId: document.documentId,
      title: document.title,
      changeType: document.changeType,
      policyNoMasked: maskPolicyNo(document.policyNo),
      holderNameMasked: maskName(document.holder.name),
      changes: document.changes.map((row) => ({
        label: row.label,
        before: maskFreeText(row.before),
        after: maskFreeText(row.after),
      })),
      effectiveDate: document.effectiveDate,
      signedAt: document.signature ? new Date(document.signature.signedAt).toISOString() : null,
      sealedAt: document.sealed ? new Date(document.sealed.sealedAt).toISOString() : null,
    },
  });
}
