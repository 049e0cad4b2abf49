import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { Container } from '../../container';

/** Revokes the session's refresh token family; the access token dies on its own within 15 minutes. */
export async function signOut(
  container: Container,
  claims: AccessClaims,
  refreshToken: string,
): Promise<void> {
  await container.refreshTokens.revoke(refreshToken, claims.sub);
}
