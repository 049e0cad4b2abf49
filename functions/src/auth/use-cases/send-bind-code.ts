import type { AccessClaims, SendBindCodeRequest, SendBindCodeResponse } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { describeWait } from '@zhixiang/shared/format/wait';
import { maskPhone } from '@zhixiang/shared/privacy/mask';
import type { AuthDeps } from './deps';
import {
  assertBindable,
  assertCustomerUnbound,
  assertNotLocked,
  assertSensitiveConsent,
  BIND_CODE_RESEND_SECONDS,
  BIND_CODE_TTL_SECONDS,
  BINDING,
  bindSubject,
  findMatchingCustomer,
  issueOneTimeCode,
  validIdNumber,
} from './identity-binding';
import { requireUser } from './session';

/**
 * Step 1 of binding a WeChat user to a customer: check name + ID number + phone against the
 * customer on file and text a 6-digit code to that phone.
 */
export async function sendBindCode(
  container: AuthDeps,
  claims: AccessClaims,
  request: SendBindCodeRequest,
): Promise<SendBindCodeResponse> {
  const user = await requireUser(container, claims.sub);
  assertBindable(user);
  assertSensitiveConsent(request.sensitiveConsentVersion);
  await assertNotLocked(container, bindSubject(user.userId), BINDING);
  const idNumber = validIdNumber(container, request.idNumber);

  const now = container.now();
  const phoneKey = await container.fieldCipher.blindIndex('phone', request.phone);
  // The hourly and daily budgets are taken before the lookup, so the endpoint cannot be used to
  // probe which ID numbers are customers; the 60-second resend pause only once a code is really
  // sent, so correcting a typo does not mean waiting a minute.
  await consumeOrRefuse(
    container,
    [
      { key: `bindcode:phone:${phoneKey}:hour`, limit: 5, windowSeconds: 3600 },
      { key: `bindcode:user:${user.userId}:day`, limit: 10, windowSeconds: 24 * 3600 },
    ],
    now,
  );

  const { customer, phoneIndex } = await findMatchingCustomer(container, {
    name: request.name,
    idNumber,
    phone: request.phone,
  });
  await assertCustomerUnbound(container, customer.customerId, user.userId);
  await consumeOrRefuse(
    container,
    [{ key: `bindcode:phone:${phoneKey}:minute`, limit: 1, windowSeconds: BIND_CODE_RESEND_SECONDS }],
    now,
  );
  await container.consents.record({
    userId: user.userId,
    kind: 'sensitive_id',
    version: request.sensitiveConsentVersion,
    at: new Date(now).toISOString(),
  });

  await issueOneTimeCode(container, {
    subject: bindSubject(user.userId),
    to: request.phone,
    phoneIndex,
    customerId: customer.customerId,
    ttlSeconds: BIND_CODE_TTL_SECONDS,
    now,
  });
  return {
    sentTo: maskPhone(request.phone),
    resendAfterSeconds: BIND_CODE_RESEND_SECONDS,
    expiresInSeconds: BIND_CODE_TTL_SECONDS,
  };
}

async function consumeOrRefuse(
  container: AuthDeps,
  rules: Parameters<AuthDeps['rateLimiter']['consume']>[0],
  now: number,
): Promise<void> {
  const decision = await container.rateLimiter.consume(rules, now);
  if (!decision.allowed) {
    throw new AppError(
      'RATE_LIMITED',
      `获取验证码过于频繁，请在 ${describeWait(decision.retryAfterSeconds)}后重试`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
}
