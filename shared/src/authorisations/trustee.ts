import * as z from 'zod/mini';
import type { AuthorisationRecord } from '../ports/authorisations';
import { maskBankAccount } from '../privacy/mask';
import { matterLabel, TRUSTEE_ID_TYPES } from './power-of-attorney';
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

const reference = z
  .string('请填写授权编号')
  .check(
    z.trim(),
    z.toUpperCase(),
    z.regex(AUTHORISATION_ID, '授权编号格式不正确，应为 SQ 开头的 18 位编号'),
  );

/* @__NO_SIDE_EFFECTS__ */
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

export const TrusteeBindRequestSchema = z.extend(TrusteeBindCodeRequestSchema, {
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
  /** The trustee's own document as the customer recorded it (居民身份证: face; another: 人工审核). */
  trusteeIdTypeLabel: z.optional(z.string()),
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
    trusteeIdTypeLabel: TRUSTEE_ID_TYPES[record.poa.trustee.idType],
  };
}

/** `?authorisationId=` on the endorsement routes a trustee uses: the authorisation they act on. */
export const TrusteeActQuerySchema = z.object({
  authorisationId: z.optional(z.string().check(z.regex(AUTHORISATION_ID, '授权编号格式不正确'))),
});
