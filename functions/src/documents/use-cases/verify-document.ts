import type { X509Certificate } from 'node:crypto';
import { maskName } from '@zhixiang/shared/callback/view';
import { type DocumentRecord, documentStatusLabel } from '@zhixiang/shared/documents/model';
import type {
  VerifyDocumentRequest,
  VerifyDocumentResponse,
  VerifyVerdict,
} from '@zhixiang/shared/documents/schemas';
import { maskFreeText, maskPolicyNo, voidedView } from '@zhixiang/shared/documents/view';
import { AppError } from '@zhixiang/shared/errors';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { type DocumentDeps, type DocumentPdf, sha256Hex } from './document-deps';

export const VERIFY_MESSAGES = {
  valid: '这是本公司出具的电子批单，签章完好，自签章以来未被改动，所列变更已生效。',
  modified: '该文件在签章后被改动过，签名已失效，内容不可信。请向本公司索取原件。',
  foreign_signature: '该文件的数字签名不是本公司作出的，不是本公司出具的电子批单。',
  unsigned: '该文件不是已签章的电子批单：没有可识别的数字签名，无法证明由本公司出具。',
  not_issued: '签章证书属于本公司，但本公司没有出具该文件的记录，请联系客服核实。',
} as const;

/** The answers about a file that is ours and intact, by what it is and where it stands now. */
export const STANDING_MESSAGES = {
  /** A signed application whose change has not taken effect: it is not a 批单. */
  not_effective:
    '这是投保人签署的变更申请书，签名完好、未被改动，但申请尚未生效：它不是批单，不能证明保险合同已变更。变更以本公司生效后出具的电子批单为准。',
  /** An application whose change took effect: its 批单 is named in the answer. */
  application_effective:
    '这是投保人签署的变更申请书，签名完好、未被改动；该申请已生效，变更以本公司出具的电子批单为准。',
  /** A 批单 signed by the customer at signing, stored before applications and 批单 were separate. */
  legacy_valid: '这是本公司出具的电子批单，签章完好，自签署以来未被改动。',
  voided_endorsement: '该批单已作废，不再具有效力。',
  voided_application: '该申请书已作废：申请未生效，本公司未据此变更保险合同。',
} as const;

/**
 * Public check of an uploaded PDF: is the insurer's signature intact, is this exact file one we
 * issued (its SHA-256 is on record), and what does it stand for now — an effective 批单, a voided
 * document (with the reason and time), or a signed application that has not taken effect (not a
 * 批单)? Answers with the policy and change masked.
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
    throw new AppError('VALIDATION_FAILED', '请上传 PDF 格式的电子批单或申请书', { field: 'pdfBase64' });
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
  const standing = standingOf(document);
  return {
    verdict: standing.verdict,
    genuine: standing.verdict === 'valid',
    message: standing.message,
    signer,
    document: {
      documentId: document.documentId,
      kind: document.kind ?? 'endorsement',
      title: document.title,
      statusLabel: documentStatusLabel(document),
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
      effectiveAt: document.effectiveAt ? new Date(document.effectiveAt).toISOString() : null,
      voided: voidedView(document),
      endorsementDocumentId: document.endorsementDocumentId ?? null,
      applicationDocumentId: document.applicationDocumentId ?? null,
    },
  };
}

/** What an intact file of ours stands for now. */
function standingOf(document: DocumentRecord): { verdict: VerifyVerdict; message: string } {
  const application = document.kind === 'application';
  if (document.status === 'voided') {
    const base = application ? STANDING_MESSAGES.voided_application : STANDING_MESSAGES.voided_endorsement;
    const when = document.voided ? `作废时间：${formatShanghaiDateTime(document.voided.at)}；` : '';
    const why = document.voided ? `原因：${document.voided.reason}。` : '';
    return { verdict: 'voided', message: `${base}${when}${why}` };
  }
  if (application && document.status === 'effective')
    return { verdict: 'valid', message: STANDING_MESSAGES.application_effective };
  if (application) return { verdict: 'not_effective', message: STANDING_MESSAGES.not_effective };
  if (document.kind === 'endorsement') return { verdict: 'valid', message: VERIFY_MESSAGES.valid };
  return { verdict: 'valid', message: STANDING_MESSAGES.legacy_valid };
}
