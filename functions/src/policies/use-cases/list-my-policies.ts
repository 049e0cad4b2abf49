import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { PolicyListResponse } from '@zhixiang/shared/policy/schemas';
import { type PolicyQueryDeps, PolicyViewLoader } from './policy-view-loader';

/**
 * The signed-in customer's policies, as holder or insured. A WeChat user who has not yet bound
 * their identity has no customer record: they get FORBIDDEN with a message that tells them what
 * to do, rather than an empty list that would look like "you have no policies".
 */
export async function listMyPolicies(
  deps: PolicyQueryDeps,
  claims: AccessClaims,
): Promise<PolicyListResponse> {
  if (claims.role !== 'customer') throw new AppError('FORBIDDEN', '「我的保单」仅供客户本人查看');
  if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定，再查看您的保单');
  const policies = await deps.repositories.policies.listByCustomer(claims.customerId);
  const loader = new PolicyViewLoader(deps.repositories);
  return { policies: await loader.summaries(policies, claims.customerId, deps.today()) };
}
