import { canViewPolicy } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { PolicyDetail } from '@zhixiang/shared/policy/schemas';
import { toPolicyDetail } from '@zhixiang/shared/policy/view';
import { type PolicyQueryDeps, PolicyViewLoader } from './policy-view-loader';

export const POLICY_NOT_FOUND_MESSAGE = '未找到该保单，请核对保单号';

/**
 * One policy in full. A policy the viewer may not see answers exactly like a policy that does not
 * exist (404 with the same message), so nobody can probe which policy numbers are real.
 */
export async function getPolicy(
  deps: PolicyQueryDeps,
  claims: AccessClaims,
  policyNo: string,
): Promise<PolicyDetail> {
  const notFound = () =>
    new AppError('NOT_FOUND', POLICY_NOT_FOUND_MESSAGE, {
      logMessage: `policy ${policyNo} not found or not visible to ${claims.sub}`,
    });
  const policy = await deps.repositories.policies.get(policyNo);
  if (!policy) throw notFound();
  const loader = new PolicyViewLoader(deps.repositories);
  // Holder and insured in one BatchGetItem; product, branch and agent from the process's cache.
  loader.prefetchCustomers([policy.holderId, policy.insuredId]);
  const viewerCustomerId = claims.role === 'customer' ? (claims.customerId ?? null) : null;
  // The view's reads go out together with the parties the access rule needs: one round trip
  // instead of two for the common, allowed case. Nothing of it is returned
  // unless the rule allows, and a refused request must not surface its failure as unhandled.
  const context = loader.viewContext(policy, viewerCustomerId, deps.today());
  context.catch(() => {});
  if (!canViewPolicy(claims, policy, await loader.parties(policy))) throw notFound();
  return toPolicyDetail(policy, await context);
}
