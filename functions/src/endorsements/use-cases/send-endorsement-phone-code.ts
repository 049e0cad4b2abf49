import type { SendPhoneCodeResponse } from '@zhixiang/shared/endorsement/application';
import { AppError } from '@zhixiang/shared/errors';
import { maskPhone } from '@zhixiang/shared/privacy/mask';
import {
  type Actor,
  actsForHolder,
  type EndorsementDeps,
  HOLDER_ONLY_MESSAGE,
  loadOpenableEndorsement,
} from './endorsement-deps';

export const PHONE_CODE_TTL_SECONDS = 5 * 60;
export const PHONE_CODE_RESEND_SECONDS = 60;
export const NO_NEW_PHONE_MESSAGE = '该申请无需验证新手机号';

export const phoneCodeSubject = (applicationId: string) => `endorsement-phone:${applicationId}`;

/**
 * A contact change to a new phone proves the number is the holder's: a one-time code to the NEW
 * number (the old one's proof is the holder's identity verification). At most one a minute and
 * five an hour per application.
 */
export async function sendEndorsementPhoneCode(
  deps: EndorsementDeps,
  actor: Actor,
  applicationId: string,
): Promise<SendPhoneCodeResponse> {
  const opened = await loadOpenableEndorsement(deps, actor.claims, applicationId);
  if (!actsForHolder(actor.claims, opened.record, opened.holderAgentId))
    throw new AppError('FORBIDDEN', HOLDER_ONLY_MESSAGE);
  const { record } = opened;
  if (record.request.type !== 'contact_change' || record.phoneConfirmed !== false || !record.request.phone)
    throw new AppError('CONFLICT', NO_NEW_PHONE_MESSAGE);
  if (record.status !== 'draft' && record.status !== 'identity_verified' && record.status !== 'signed')
    throw new AppError('CONFLICT', NO_NEW_PHONE_MESSAGE);
  const phone = record.request.phone.replace(/[\s-]/g, '');
  await deps.phoneCodes.send({
    subject: phoneCodeSubject(applicationId),
    to: phone,
    customerId: record.holder.customerId,
    ttlSeconds: PHONE_CODE_TTL_SECONDS,
  });
  return { phoneMasked: maskPhone(phone), resendAfterSeconds: PHONE_CODE_RESEND_SECONDS };
}
