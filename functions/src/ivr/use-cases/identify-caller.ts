import { randomUUID } from 'node:crypto';
import { AppError } from '@zhixiang/shared/errors';
import type { IdentifyCallerRequest } from '@zhixiang/shared/ivr/schemas';
import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import type { LockoutStore, RateLimiter } from '@zhixiang/shared/ports/auth-store';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { IvrCallStore } from '@zhixiang/shared/ports/ivr-calls';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';
import { maskPhone } from '@zhixiang/shared/privacy/mask';

/** Failed checks allowed per calling number and hour; one more locks the number for LOCK_MS. */
export const IVR_FAILURES_PER_HOUR = 5;
export const IVR_LOCK_MS = 30 * 60_000;
/** How long a call's screen-pop stays readable. */
export const IVR_CALL_TTL_MS = 24 * 3_600_000;

export interface IdentifyCallerDeps {
  customers: Pick<CustomerRepository, 'findByIdNumber'>;
  calls: Pick<IvrCallStore, 'create'>;
  fieldCipher: Pick<FieldCipher, 'blindIndex'>;
  rateLimiter: RateLimiter;
  lockouts: LockoutStore;
  now: () => number;
}

/**
 * The IVR's check of a caller (seed case 示例一): the ID number typed on the keypad must belong
 * to a customer whose phone on record is the calling number. The answer is only "verified or
 * not" — never whether the ID number exists — plus a call id for the seat's screen-pop. Failed
 * checks are counted per calling number (by its blind index, the number is not stored); past the
 * limit the number is locked and further checks get 429 until the lock ends.
 */
export async function identifyCaller(
  deps: IdentifyCallerDeps,
  request: IdentifyCallerRequest,
): Promise<{ callId: string; verified: boolean }> {
  const now = deps.now();
  const numberKey = await deps.fieldCipher.blindIndex('phone', request.callingNumber);
  const lockSubject = `ivr:${numberKey}`;
  const lockedUntil = await deps.lockouts.lockedUntil(lockSubject, now);
  if (lockedUntil !== null) {
    const retryAfterSeconds = Math.ceil((lockedUntil - now) / 1000);
    throw new AppError('RATE_LIMITED', '该号码身份核验失败次数过多，请稍后再试', { retryAfterSeconds });
  }

  const idNumber = request.idNumber.replace('*', 'X').toUpperCase();
  const customer: CustomerRecord | null = await deps.customers.findByIdNumber(idNumber);
  const verified = customer !== null && customer.phone === request.callingNumber;
  if (!verified) {
    const decision = await deps.rateLimiter.consume(
      [{ key: `ivr-fail:${numberKey}`, limit: IVR_FAILURES_PER_HOUR, windowSeconds: 3600 }],
      now,
    );
    if (!decision.allowed) await deps.lockouts.lock(lockSubject, now + IVR_LOCK_MS);
  }

  const callId = randomUUID();
  await deps.calls.create(
    {
      callId,
      callingNumberMasked: maskPhone(request.callingNumber),
      verified,
      customerId: verified ? (customer?.customerId ?? null) : null,
      receivedAt: now,
    },
    now + IVR_CALL_TTL_MS,
  );
  return { callId, verified };
}
