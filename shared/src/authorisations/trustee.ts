import * as z from 'zod/mini';
import { AppError } from '../errors';
import type { AuthorisationRecord } from '../ports/authorisations';
import { maskBankAccount } from '../privacy/mask';
import { type AuthorisedMatter, matterLabel, TRUSTEE_ID_TYPES } from './power-of-attorney';
import { AUTHORISATION_ID } from './schemas';
import { AUTHORISATION_STATUS_LABELS, statusOn } from './status';

/**
 * The trustee (受托人) acting on an approved video authorisation. A trustee usually is no customer,
 * so what they do is keyed on their own user account: they bind the authorisation to it (its
 * reference, their name and ID as the customer recorded them, and a code texted to the phone the
 * customer recorded for them), prove their identity under the subject {@link trusteeSubject}, and
 * then prepare and submit only the authorised matters, on the authorised policies, within the
 * validity, any money going to the authorised account.
 */

/** The identity proofs' subject for a trustee (never a customer id, which is `C…`). */
export const trusteeSubject = (userId: string) => `trustee:${userId}`;

/** What every trustee application says, in its audit trail and on its 申请书 and 批单. */
export const trusteeActNote = (authorisationId: string) => `受托人代办，依据录像授权 ${authorisationId}`;

const reference = z
  .string('请填写授权编号')
  .check(
    z.trim(),
    z.toUpperCase(),
    z.regex(AUTHORISATION_ID, '授权编号格式不正确，应为 SQ 开头的 18 位编号'),
  );

const keys = <T extends Record<string, string>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

const trusteeFields = {
  authorisationId: reference,
  name: z
    .string('请填写您的姓名')
    .check(z.trim(), z.minLength(2, '姓名至少 2 个字'), z.maxLength(30, '姓名不能超过 30 个字')),
  idType: z.enum(keys(TRUSTEE_ID_TYPES), '请选择证件类型'),
  idNumber: z
    .string('请填写证件号码')
    .check(z.trim(), z.toUpperCase(), z.minLength(1, '请填写证件号码'), z.maxLength(20, '证件号码过长')),
};

export const TrusteeBindCodeRequestSchema = z.strictObject(trusteeFields);
export type TrusteeBindCodeRequest = z.infer<typeof TrusteeBindCodeRequestSchema>;

export const TrusteeBindRequestSchema = z.strictObject({
  ...trusteeFields,
  code: z.string('请填写验证码').check(z.regex(/^\d{6}$/, '验证码应为 6 位数字')),
});
export type TrusteeBindRequest = z.infer<typeof TrusteeBindRequestSchema>;

export const TrusteeBindCodeResponseSchema = z.object({ phoneMasked: z.string() });

/** What the trustee sees of an authorisation bound to them: what preparing the matters needs. */
export const TrusteeAuthorisationSchema = z.object({
  authorisationId: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** The policyholder's name, the surname only. */
  grantorName: z.string(),
  policyNos: z.array(z.string()),
  matters: z.array(z.object({ type: z.string(), label: z.string() })),
  refundAccount: z.nullable(z.object({ bankName: z.string(), accountMasked: z.string() })),
  validUntil: z.string(),
  boundAt: z.string(),
});
export type TrusteeAuthorisation = z.infer<typeof TrusteeAuthorisationSchema>;
export const TrusteeAuthorisationListSchema = z.object({
  authorisations: z.array(TrusteeAuthorisationSchema),
});

/** 张伟 → 张*; what a trustee is shown of the policyholder. */
export function maskedName(name: string): string {
  const chars = [...name];
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

export function toTrusteeView(
  record: AuthorisationRecord,
  grantor: { name: string },
  today: string,
): TrusteeAuthorisation {
  const status = statusOn(record, today);
  return {
    authorisationId: record.authorisationId,
    status,
    statusLabel: AUTHORISATION_STATUS_LABELS[status],
    grantorName: maskedName(grantor.name),
    policyNos: record.poa.policyNos,
    matters: record.poa.matters.map((type) => ({ type, label: matterLabel(type) })),
    refundAccount: record.poa.refundAccount
      ? {
          bankName: record.poa.refundAccount.bankName,
          accountMasked: maskBankAccount(record.poa.refundAccount.accountNumber),
        }
      : null,
    validUntil: record.poa.validUntil,
    boundAt: record.trustee?.boundAt ?? '',
  };
}

export const TRUSTEE_AUTHORISATION_NOT_FOUND = '未找到该授权，或您不是该授权的受托人';

/**
 * Whether the authorisation lets `userId` act on this policy for this matter `today`: bound to
 * them, approved and neither revoked nor past its validity, the policy and the matter (when named)
 * within its scope. Each refusal is an AppError with the Chinese message the trustee reads; an authorisation
 * bound to someone else is the 404 of one that does not exist.
 */
export function assertTrusteeMayAct(
  record: AuthorisationRecord | null,
  act: { userId: string; policyNo: string; matter: string | null; today: string },
): asserts record is AuthorisationRecord & { trustee: NonNullable<AuthorisationRecord['trustee']> } {
  if (!record?.trustee || record.trustee.userId !== act.userId)
    throw new AppError('NOT_FOUND', TRUSTEE_AUTHORISATION_NOT_FOUND, { field: 'authorisationId' });
  assertAuthorisationInForce(record, act.today);
  if (!record.poa.policyNos.includes(act.policyNo))
    throw new AppError(
      'FORBIDDEN',
      `保单 ${act.policyNo} 不在录像授权 ${record.authorisationId} 的委托范围内`,
      {
        field: 'policyNo',
      },
    );
  if (act.matter !== null && !record.poa.matters.includes(act.matter as AuthorisedMatter))
    throw new AppError(
      'FORBIDDEN',
      `录像授权 ${record.authorisationId} 未委托办理该事项，可办理：${record.poa.matters.map(matterLabel).join('、')}`,
      { field: 'type' },
    );
}

/** Revoked, expired or not yet approved: the authorisation gives no power today. */
export function assertAuthorisationInForce(record: AuthorisationRecord, today: string): void {
  const status = statusOn(record, today);
  if (status === 'revoked')
    throw new AppError(
      'FORBIDDEN',
      `录像授权 ${record.authorisationId} 已由投保人撤销，受托人不能再代为办理`,
      { field: 'authorisationId' },
    );
  if (status === 'expired')
    throw new AppError(
      'FORBIDDEN',
      `录像授权 ${record.authorisationId} 已于 ${record.poa.validUntil} 到期，受托人不能再代为办理`,
      { field: 'authorisationId' },
    );
  if (status !== 'approved')
    throw new AppError('CONFLICT', `录像授权 ${record.authorisationId} 尚未生效，暂不能代为办理`, {
      field: 'authorisationId',
    });
}

/** Money on a trustee's application goes only to the account the authorisation names. */
export function assertAuthorisedPayee(
  record: AuthorisationRecord,
  payee: { accountNumber: string } | null,
): void {
  const authorised = record.poa.refundAccount;
  if (!authorised)
    throw new AppError(
      'FORBIDDEN',
      `录像授权 ${record.authorisationId} 未指定退费账户，受托人不能办理涉及付款的事项`,
      {
        field: 'payeeCard',
      },
    );
  if (!payee || payee.accountNumber !== authorised.accountNumber)
    throw new AppError(
      'FORBIDDEN',
      `受托人代办的款项只能转入授权指定的账户（${authorised.bankName} ${maskBankAccount(authorised.accountNumber)}），请改用该账户`,
      { field: 'payeeCard.cardNumber' },
    );
}

/** `?authorisationId=` on the endorsement routes a trustee uses: the authorisation they act on. */
export const TrusteeActQuerySchema = z.object({
  authorisationId: z.optional(z.string().check(z.regex(AUTHORISATION_ID, '授权编号格式不正确'))),
});
