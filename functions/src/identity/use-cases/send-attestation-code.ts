import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { describeWait } from '@zhixiang/shared/format/wait';
import type { AttestationCodeSent } from '@zhixiang/shared/identity/verification';
import { maskPhone } from '@zhixiang/shared/privacy/mask';
import {
  assertNotLocked,
  BIND_CODE_RESEND_SECONDS,
  BIND_CODE_TTL_SECONDS,
  issueOneTimeCode,
} from '../../auth/use-cases/identity-binding';
import type { IdentityDeps } from './deps';
import { requireIdentityConsent } from './record-identity-consent';
import { loadVerificationSubject } from './verification-subject';

/** What a locked attestation is called in its messages. */
export const ATTESTATION = '当面核验';
/** The lockout covers one agent attesting one customer, whatever the purpose. */
export const attestLockSubject = (agentUserId: string, customerId: string) =>
  `attest:${agentUserId}:${customerId}`;
/** A code vouches for one agent, one customer and one purpose. */
export const attestCodeSubject = (agentUserId: string, customerId: string, purpose: string) =>
  `${attestLockSubject(agentUserId, customerId)}:${purpose}`;

/**
 * Step 1 of agent attestation (业务员当面核验): a one-time code to the customer's phone on file,
 * which the customer present reads out to the agent. The agent's own screens show neither the code
 * nor the full number, so an agent cannot attest for a customer who is not there. Rate-limited and
 * locked like the binding code.
 */
export async function sendAttestationCode(
  container: IdentityDeps,
  claims: AccessClaims,
  input: { purpose: string; customerId: string },
): Promise<AttestationCodeSent> {
  const customer = await loadVerificationSubject(container, claims, input.customerId);
  await requireIdentityConsent(container, claims);
  await assertNotLocked(container, attestLockSubject(claims.sub, customer.customerId), ATTESTATION);
  const now = container.now();
  const decision = await container.rateLimiter.consume(
    [
      {
        key: `attestcode:${customer.customerId}:minute`,
        limit: 1,
        windowSeconds: BIND_CODE_RESEND_SECONDS,
      },
      { key: `attestcode:${customer.customerId}:hour`, limit: 5, windowSeconds: 3600 },
      { key: `attestcode:agent:${claims.sub}:day`, limit: 30, windowSeconds: 24 * 3600 },
    ],
    now,
  );
  if (!decision.allowed) {
    throw new AppError(
      'RATE_LIMITED',
      `获取验证码过于频繁，请在 ${describeWait(decision.retryAfterSeconds)}后重试`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
  await issueOneTimeCode(container, {
    subject: attestCodeSubject(claims.sub, customer.customerId, input.purpose),
    to: customer.phone,
    phoneIndex: '',
    customerId: customer.customerId,
    ttlSeconds: BIND_CODE_TTL_SECONDS,
    now,
  });
  return {
    sentTo: maskPhone(customer.phone),
    resendAfterSeconds: BIND_CODE_RESEND_SECONDS,
    expiresInSeconds: BIND_CODE_TTL_SECONDS,
  };
}
