import { randomBytes } from 'node:crypto';
import type { DocumentChangeRow, DocumentRecord } from '@zhixiang/shared/documents/model';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { maskBankAccount, maskIdNumber, maskPhone } from '@zhixiang/shared/privacy/mask';
import { POLICY_NOT_FOUND_MESSAGE } from '../../policies/use-cases/get-policy';
import { auditEvent, contentHashOf, type DocumentDeps } from './document-deps';

/** A changed value that is personal data is masked before it reaches the document. */
export type ChangeSensitivity = 'phone' | 'idNumber' | 'bankAccount';

export interface ChangeDescription {
  policyNo: string;
  /** e.g. 联系方式变更. */
  changeType: string;
  changes: (DocumentChangeRow & { sensitivity?: ChangeSensitivity })[];
  effectiveDate: string;
  /**
   * What identity verification must name before signing; the endorsement engine passes
   * `endorsement:<id>`. Defaults to `document:<documentId>`.
   */
  purpose?: string;
  /** Who asked for the document (a user id, or `system`). */
  createdBy: string;
  /** A fixed document number (the demo seed); new documents get a fresh one. */
  documentId?: string;
  /** The insured signs instead of the holder (their consent to the holder's change). */
  signer?: 'holder' | 'insured';
  /** Defaults to 保险合同变更批单 and the standard annotation. */
  title?: string;
  annotation?: string;
}

export const STANDARD_ANNOTATION =
  '经投保人申请，本公司同意对上述保险合同作如下批改，自生效日期起生效。除本批单所列变更外，保险合同其他内容不变。本批单是保险合同的组成部分，与保险合同具有同等法律效力。';

const MASKS: Record<ChangeSensitivity, (value: string) => string> = {
  phone: maskPhone,
  idNumber: maskIdNumber,
  bankAccount: maskBankAccount,
};

/** PD + the Shanghai date + 6 random characters (no 0/O/1/I confusion). */
export function newDocumentId(now: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `PD${todayInShanghai(new Date(now)).replaceAll('-', '')}${random}`;
}

/**
 * Prepares a document awaiting the policyholder's signature from a change description (the
 * endorsement engine calls this; the local seed prepares one for the demo). Holder and insured
 * are read from the policy, their ID numbers masked; sensitive changed values are masked too.
 */
export async function prepareEndorsementDocument(
  deps: Pick<DocumentDeps, 'repositories' | 'now'>,
  input: ChangeDescription,
): Promise<DocumentRecord> {
  if (input.changes.length === 0 || input.changes.length > 12)
    throw new AppError('VALIDATION_FAILED', '批单须列明 1 至 12 项变更内容', { field: 'changes' });
  const policy = await deps.repositories.policies.get(input.policyNo);
  if (!policy) throw new AppError('NOT_FOUND', POLICY_NOT_FOUND_MESSAGE);
  const [holder, insured, product] = await Promise.all([
    deps.repositories.customers.get(policy.holderId),
    deps.repositories.customers.get(policy.insuredId),
    deps.repositories.products.get(policy.productCode),
  ]);
  if (!holder || !insured || !product)
    throw new AppError('INTERNAL', undefined, {
      logMessage: `policy ${policy.policyNo} has missing parties or product`,
    });
  const now = deps.now();
  const documentId = input.documentId ?? newDocumentId(now);
  const draft: Omit<DocumentRecord, 'contentHash'> = {
    documentId,
    title: input.title ?? '保险合同变更批单',
    changeType: input.changeType,
    policyNo: policy.policyNo,
    productName: product.name,
    holder: {
      customerId: holder.customerId,
      name: holder.name,
      idNumberMasked: maskIdNumber(holder.idNumber),
    },
    insured: {
      customerId: insured.customerId,
      name: insured.name,
      idNumberMasked: maskIdNumber(insured.idNumber),
    },
    branchPath: policy.branchPath,
    changes: input.changes.map(({ label, before, after, sensitivity }) => {
      const mask = sensitivity ? MASKS[sensitivity] : (value: string) => value;
      return { label, before: before ? mask(before) : '', after: after ? mask(after) : '' };
    }),
    effectiveDate: input.effectiveDate,
    annotation: input.annotation ?? STANDARD_ANNOTATION,
    purpose: input.purpose ?? `document:${documentId}`,
    status: 'awaiting_signature',
    createdAt: now,
    createdBy: input.createdBy,
    ...(input.signer === 'insured' ? { signerRole: 'insured' as const } : {}),
    signature: null,
    sealed: null,
    version: 1,
  };
  const document: DocumentRecord = { ...draft, contentHash: contentHashOf(draft) };
  await deps.repositories.documents.create(
    document,
    auditEvent(document, 'created', null, now, {
      hashBefore: null,
      detail: `${input.changeType}，申请人 ${input.createdBy}`,
    }),
  );
  return document;
}
