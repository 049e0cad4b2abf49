import { canViewCustomer } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { ChangeSource } from '@zhixiang/shared/letters/model';
import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';

export const CUSTOMER_NOT_FOUND_MESSAGE = '未找到该客户';

/**
 * The customer whose letters, subscriptions or notice preferences are asked for: the customer
 * themself, their assigned agent, staff of their branch subtree, admins. Anyone else gets the same
 * 404 as for a customer that does not exist.
 */
export async function visibleCustomer(
  customers: Pick<CustomerRepository, 'get'>,
  claims: AccessClaims,
  customerId: string,
): Promise<CustomerRecord> {
  const customer = await customers.get(customerId);
  if (!customer || !canViewCustomer(claims, customer)) {
    throw new AppError('NOT_FOUND', CUSTOMER_NOT_FOUND_MESSAGE, {
      logMessage: `customer ${customerId} not found or not visible to ${claims.sub}`,
    });
  }
  return customer;
}

/** Who made a change, as recorded beside it. */
export function changeSource(claims: AccessClaims): { source: ChangeSource; userId: string } {
  // Executives read; they change nothing of a customer's.
  if (claims.role === 'executive') throw new AppError('FORBIDDEN', '高管账号仅可查看，不能代客户修改');
  return { source: claims.role, userId: claims.sub };
}
