import { ENDORSEMENT_TYPE_LABELS } from '../endorsement/types';
import { AppError } from '../errors';
import type { AuthorisationRecord } from '../ports/authorisations';
import { maskBankAccount } from '../privacy/mask';
import { statusOn } from './status';

/**
 * The rules of a trustee (受托人) acting on an approved video authorisation, apart from the HTTP
 * shapes (`trustee.ts`) so the endorsement engine carries only these: the subject their identity
 * proofs are keyed on, the note every trustee application records, whether the authorisation lets
 * them act today, and where money may go.
 */

/** The identity proofs' subject for a trustee (never a customer id, which is `C…`). */
export const trusteeSubject = (userId: string) => `trustee:${userId}`;

/** What every trustee application says, in its audit trail and on its 申请书 and 批单. */
export const trusteeActNote = (authorisationId: string) => `受托人代办，依据录像授权 ${authorisationId}`;

/**
 * What an application staff process themselves on the strength of an authorisation says (柜面代办),
 * beside the staff member's id, in its audit trail and on its 申请书 and 批单.
 */
export const counterActNote = (authorisationId: string) => `柜面依据录像授权 ${authorisationId} 代办`;

/**
 * A new mobile number is confirmed by the code texted to it, which only the holder can read back:
 * the counter changes an address or an e-mail on an authorisation, never the phone.
 */
export const COUNTER_PHONE_REFUSED =
  '柜面代办不能变更手机号码：新手机号须由投保人本人接收短信验证码确认，请投保人在小程序中自行办理';

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
  assertAuthorisationCovers(record, act);
}

/**
 * Whether the authorisation gives power today over this policy for this matter (when named): in
 * force, the policy and the matter within its scope. The trustee's check after their binding, and
 * the counter's when staff process the matter themselves.
 */
export function assertAuthorisationCovers(
  record: AuthorisationRecord,
  act: { policyNo: string; matter: string | null; today: string },
): void {
  assertAuthorisationInForce(record, act.today);
  if (!record.poa.policyNos.includes(act.policyNo))
    throw new AppError(
      'FORBIDDEN',
      `保单 ${act.policyNo} 不在录像授权 ${record.authorisationId} 的委托范围内`,
      {
        field: 'policyNo',
      },
    );
  if (act.matter !== null && !record.poa.matters.some((m) => m === act.matter))
    throw new AppError(
      'FORBIDDEN',
      `录像授权 ${record.authorisationId} 未委托办理该事项，可办理：${record.poa.matters.map((m) => ENDORSEMENT_TYPE_LABELS[m]).join('、')}`,
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
