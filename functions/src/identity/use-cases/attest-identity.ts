import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { VerificationView } from '@zhixiang/shared/identity/verification';
import { assertNotLocked, checkPendingCode } from '../../auth/use-cases/identity-binding';
import type { IdentityDeps } from './deps';
import { requireIdentityConsent } from './record-identity-consent';
import { ATTESTATION, attestCodeSubject, attestLockSubject } from './send-attestation-code';
import { loadVerificationSubject, type RequestDevice, toVerificationView } from './verification-subject';

/**
 * Verification by the servicing agent in person (业务员当面核验): on the agent's own device, after
 * comparing the original card with the person present. The agent types the code texted to the
 * customer's phone on file (sendAttestationCode), which only the customer present can read out;
 * five wrong codes lock attesting this customer for 30 minutes. Open even while the face path is
 * locked.
 */
export async function attestIdentity(
  container: IdentityDeps,
  claims: AccessClaims,
  input: { purpose: string; customerId: string; code: string },
  device: RequestDevice,
): Promise<VerificationView> {
  const customer = await loadVerificationSubject(container, claims, input.customerId);
  await requireIdentityConsent(container, claims);
  const lockSubject = attestLockSubject(claims.sub, customer.customerId);
  await assertNotLocked(container, lockSubject, ATTESTATION);
  const subject = attestCodeSubject(claims.sub, customer.customerId, input.purpose);
  const pending = await checkPendingCode(container, {
    subject,
    lockSubject,
    code: input.code,
    what: ATTESTATION,
  });
  if (!(await container.oneTimeCodes.consume(subject, pending.codeHash)))
    throw new AppError('VALIDATION_FAILED', '验证码已使用，请重新获取验证码', { field: 'code' });
  const record = {
    verificationId: randomUUID(),
    customerId: customer.customerId,
    purpose: input.purpose,
    method: 'agent_attestation' as const,
    result: 'success' as const,
    reason: null,
    actorUserId: claims.sub,
    actorRole: claims.role,
    providerRefs: { agentId: claims.agentId ?? '', attestation: 'in_person_card_checked_sms_code' },
    providerResult: null,
    at: container.now(),
    device,
  };
  await container.identityVerifications.append(record);
  return toVerificationView(record);
}
