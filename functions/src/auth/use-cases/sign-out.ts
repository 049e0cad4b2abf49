import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { AuthDeps } from './deps';

/** Revokes the session's refresh token family; the access token dies on its own within 15 minutes. */
export async function signOut(
  container: AuthDeps,
  claims: AccessClaims,
  refreshToken: string,
): Promise<void> {
  await container.refreshTokens.revoke(refreshToken, claims.sub);
}
