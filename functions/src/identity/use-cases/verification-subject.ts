import { canViewCustomer } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import type { VerificationView } from '@zhixiang/shared/identity/verification';
import { VERIFICATION_VALIDITY_MS } from '@zhixiang/shared/identity/verification';
import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import type { VerificationRecord } from '@zhixiang/shared/ports/identity-verifications';
import type { IdentityDeps } from './deps';

export const CUSTOMER_NOT_FOUND_MESSAGE = '未找到该客户';

/**
 * Whose identity a request proves. A customer proves their own (bound) identity; an agent starts
 * a verification for an assigned customer who is present. Someone else's customer id gives the
 * same 404 as one that does not exist.
 */
export async function loadVerificationSubject(
  container: Pick<IdentityDeps, 'repositories'>,
  claims: AccessClaims,
  customerId: string | undefined,
): Promise<CustomerRecord> {
  if (claims.role === 'customer') {
    if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定，再进行身份核验');
    if (customerId && customerId !== claims.customerId)
      throw new AppError('NOT_FOUND', CUSTOMER_NOT_FOUND_MESSAGE);
  } else if (claims.role === 'agent') {
    if (!customerId)
      throw new AppError('VALIDATION_FAILED', '请选择要核验身份的客户', { field: 'customerId' });
  } else {
    throw new AppError('FORBIDDEN', '身份核验须由客户本人或其服务业务员发起');
  }
  const id = claims.role === 'customer' ? (claims.customerId as string) : (customerId as string);
  const customer = await container.repositories.customers.get(id);
  if (!customer || !canViewCustomer(claims, customer))
    throw new AppError('NOT_FOUND', CUSTOMER_NOT_FOUND_MESSAGE);
  return customer;
}

/** The Shanghai calendar day of `now` and the epoch ms of the next Shanghai midnight. */
export function shanghaiDay(now: number): { day: string; nextMidnight: number } {
  const day = todayInShanghai(new Date(now));
  return { day, nextMidnight: Date.parse(`${addDays(day, 1)}T00:00:00+08:00`) };
}

export function toVerificationView(record: VerificationRecord): VerificationView {
  return {
    verificationId: record.verificationId,
    customerId: record.customerId,
    purpose: record.purpose,
    method: record.method,
    result: record.result,
    reason: record.reason,
    at: record.at,
    validUntil: record.result === 'success' ? record.at + VERIFICATION_VALIDITY_MS : null,
  };
}

/** Who acted and from where, as the gateway saw it. */
export interface RequestDevice {
  userAgent: string | null;
  ip: string | null;
}
