import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { maskPhone } from '@zhixiang/shared/privacy/mask';
import { issueOneTimeCode } from '../../auth/use-cases/identity-binding';
import { callbackDeps, loadCallbackPolicy } from './callback-policy';
import type { OnlineCallbackDeps } from './deps';

export const ONLINE_CODE_TTL_SECONDS = 5 * 60;
export const ALREADY_DONE_MESSAGE = '该保单已完成回访';
export const onlineCallbackSubject = (policyNo: string, userId: string) => `callback:${policyNo}:${userId}`;

/**
 * The holder's identity check before the online self-callback: a one-time code to the phone on
 * record (never a number typed in), rate-limited like the binding code.
 */
export async function sendOnlineCallbackCode(
  container: OnlineCallbackDeps,
  claims: AccessClaims,
  policyNo: string,
): Promise<{ sentTo: string; expiresInSeconds: number }> {
  const target = await loadCallbackPolicy(callbackDeps(container), claims, policyNo);
  if (claims.customerId !== target.policy.holderId) {
    throw new AppError('FORBIDDEN', '自助回访须由投保人本人完成');
  }
  const [holder, current] = await Promise.all([
    container.repositories.customers.get(target.policy.holderId),
    container.repositories.callbackBookings.getBooking(policyNo),
  ]);
  if (current?.status === 'completed' || current?.status === 'problem') {
    throw new AppError('CONFLICT', ALREADY_DONE_MESSAGE);
  }
  if (!holder) throw new AppError('INTERNAL', undefined, { logMessage: `holder of ${policyNo} missing` });
  const now = container.now();
  const decision = await container.rateLimiter.consume(
    [
      { key: `callbackcode:${policyNo}:minute`, limit: 1, windowSeconds: 60 },
      { key: `callbackcode:${policyNo}:hour`, limit: 5, windowSeconds: 3600 },
    ],
    now,
  );
  if (!decision.allowed) {
    throw new AppError('RATE_LIMITED', '获取验证码过于频繁，请稍后再试', {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  await issueOneTimeCode(container, {
    subject: onlineCallbackSubject(policyNo, claims.sub),
    to: holder.phone,
    phoneIndex: '',
    customerId: holder.customerId,
    ttlSeconds: ONLINE_CODE_TTL_SECONDS,
    now,
  });
  return { sentTo: maskPhone(holder.phone), expiresInSeconds: ONLINE_CODE_TTL_SECONDS };
}
