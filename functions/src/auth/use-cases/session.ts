import type { AccessClaims, Me, SessionResponse } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { UserAccountRecord } from '@zhixiang/shared/policy/model';
import { maskPhone } from '@zhixiang/shared/privacy/mask';
import type { AuthDeps } from './deps';

/** What the token says about a user: enough for every authorisation rule without a lookup. */
export function claimsFor(user: UserAccountRecord): AccessClaims {
  const claims: AccessClaims = { sub: user.userId, role: user.role };
  if (user.customerId) claims.customerId = user.customerId;
  if (user.agentId) claims.agentId = user.agentId;
  if (user.branchId) claims.branchId = user.branchId;
  if (user.branchPath) claims.branchPath = user.branchPath;
  return claims;
}

export async function describeUser(container: AuthDeps, user: UserAccountRecord): Promise<Me> {
  const { customers, branches } = container.repositories;
  const [customer, branch] = await Promise.all([
    user.customerId ? customers.get(user.customerId) : null,
    user.branchId ? branches.get(user.branchId) : null,
  ]);
  return {
    userId: user.userId,
    role: user.role,
    displayName: user.displayName,
    customerId: user.customerId,
    phoneMasked: customer ? maskPhone(customer.phone) : null,
    branch: branch ? { branchId: branch.branchId, name: branch.name, level: branch.level } : null,
    privacyConsentVersion: user.privacyConsentVersion,
  };
}

/** Issues an access token and a refresh token; `familyId` continues a rotated session. */
export async function startSession(
  container: AuthDeps,
  user: UserAccountRecord,
  refreshToken?: string,
): Promise<SessionResponse> {
  const [access, refresh, me] = await Promise.all([
    container.accessTokens.issue(claimsFor(user)),
    refreshToken ? Promise.resolve(refreshToken) : container.refreshTokens.issue(user.userId),
    describeUser(container, user),
  ]);
  return { accessToken: access.token, refreshToken: refresh, expiresIn: access.expiresIn, me };
}

export async function requireUser(container: AuthDeps, userId: string): Promise<UserAccountRecord> {
  const user = await container.repositories.users.get(userId);
  if (!user)
    throw new AppError('UNAUTHENTICATED', undefined, { logMessage: `user ${userId} no longer exists` });
  return user;
}
