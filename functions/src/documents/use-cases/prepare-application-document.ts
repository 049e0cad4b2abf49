import { randomBytes } from 'node:crypto';
import { counterActNote, trusteeActNote } from '@zhixiang/shared/authorisations/trustee-rules';
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
  /** A trustee prepares it on an approved video authorisation: they sign it for the holder. */
  trustee?: { userId: string; name: string; authorisationId: string };
  /**
   * Staff prepare it at the counter on an approved video authorisation: the reviewed recording is
   * the holder's will, so it is created signed, with the counter's note (nobody signs it).
   */
  counter?: { userId: string; name: string; authorisationId: string };
  /** Defaults to 保险合同变更申请书 and the applicant's declaration. */
  title?: string;
  annotation?: string;
}

/**
 * What the customer declares by signing the application. It asks; it does not say the insurer
 * agrees: that is the 批单's annotation, printed only when the change takes effect.
 */
export const APPLICATION_DECLARATION =
  '本人申请对上述保险合同作如下变更，并声明：本申请书所填内容真实、完整，本人已阅读并理解相关保险条款及变更提示。本申请经保险公司审核同意并生效后，由保险公司另行出具批单；申请被撤销或未获同意的，不发生变更。本申请书不是批单，不能证明保险合同已变更。';

const MASKS: Record<ChangeSensitivity, (value: string) => string> = {
  phone: maskPhone,
  idNumber: maskIdNumber,
  bankAccount: maskBankAccount,
};

/**
 * A counter application's annotation: the holder authorised the matter by the reviewed recording,
 * the staff member applied on its strength; the rest of the declaration (it asks, it is no 批单)
 * as every application says it.
 */
function counterAnnotation(counter: NonNullable<ChangeDescription['counter']>, holderName: string): string {
  const asks = APPLICATION_DECLARATION.slice(APPLICATION_DECLARATION.indexOf('本申请经'));
  return `${counterActNote(counter.authorisationId)}：投保人${holderName}以经审核通过的录像授权委托办理本事项，柜面人员${counter.name}（${counter.userId}）依据该授权代为申请；投保人的意愿以授权录像为凭，无需另行签署。${asks}`;
}

/** PD + the Shanghai date + 6 random characters (no 0/O/1/I confusion). */
export function newDocumentId(now: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `PD${todayInShanghai(new Date(now)).replaceAll('-', '')}${random}`;
}

/**
 * Prepares an application (申请书) awaiting the policyholder's signature from a change description
 * (the endorsement engine calls this, for the insured's consent too). Holder and insured are read
 * from the policy, their ID numbers masked; sensitive changed values are masked too.
 */
export async function prepareApplicationDocument(
  deps: Pick<DocumentDeps, 'repositories' | 'now'>,
  input: ChangeDescription,
): Promise<DocumentRecord> {
  if (input.changes.length === 0 || input.changes.length > 12)
    throw new AppError('VALIDATION_FAILED', '申请书须列明 1 至 12 项变更内容', { field: 'changes' });
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
    kind: 'application',
    title: input.title ?? '保险合同变更申请书',
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
    annotation:
      input.annotation ??
      (input.counter
        ? counterAnnotation(input.counter, holder.name)
        : input.trustee
          ? `${trusteeActNote(input.trustee.authorisationId)}：受托人${input.trustee.name}受投保人${holder.name}委托，代为申请并签署。${APPLICATION_DECLARATION}`
          : APPLICATION_DECLARATION),
    purpose: input.purpose ?? `document:${documentId}`,
    status: input.counter ? 'signed' : 'awaiting_signature',
    createdAt: now,
    createdBy: input.createdBy,
    ...(input.signer === 'insured' ? { signerRole: 'insured' as const } : {}),
    ...(input.trustee ? { trustee: input.trustee } : {}),
    ...(input.counter ? { counter: input.counter } : {}),
    signature: null,
    sealed: null,
    version: 1,
  };
  const document: DocumentRecord = { ...draft, contentHash: contentHashOf(draft) };
  await deps.repositories.documents.create(
    document,
    auditEvent(document, 'created', null, now, {
      hashBefore: null,
      detail: `${input.changeType}，申请人 ${input.createdBy}${input.counter ? `；${counterActNote(input.counter.authorisationId)}，柜面人员 ${input.counter.name}（${input.counter.userId}）` : ''}`,
    }),
  );
  return document;
}
