import { canViewCustomer } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { PolicyListResponse } from '@zhixiang/shared/policy/schemas';
import { type PolicyQueryDeps, PolicyViewLoader } from './policy-view-loader';

export const CUSTOMER_NOT_FOUND_MESSAGE = '未找到该客户';

/**
 * A customer's policies for the people who serve them: their agent, staff of their branch subtree,
 * admins. Customers use /me/policies instead (403). A customer outside the viewer's reach answers
 * like a customer that does not exist (404).
 */
export async function listCustomerPolicies(
  deps: PolicyQueryDeps,
  claims: AccessClaims,
  customerId: string,
): Promise<PolicyListResponse> {
  if (claims.role === 'customer') throw new AppError('FORBIDDEN', '请在「我的保单」中查看您的保单');
  const loader = new PolicyViewLoader(deps.repositories);
  const customer = await loader.customer(customerId);
  if (!customer || !canViewCustomer(claims, customer)) {
    throw new AppError('NOT_FOUND', CUSTOMER_NOT_FOUND_MESSAGE, {
      logMessage: `customer ${customerId} not found or not visible to ${claims.sub}`,
    });
  }
  const policies = await deps.repositories.policies.listByCustomer(customerId);
  return { policies: await loader.summaries(policies, null, deps.today()) };
}
