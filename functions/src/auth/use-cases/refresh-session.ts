import type { RefreshRequest, SessionResponse } from '@zhixiang/shared/auth/schemas';
import type { AuthDeps } from './deps';
import { requireUser, startSession } from './session';

/** Spends the refresh token for a new pair; claims are re-read so role or binding changes apply. */
export async function refreshSession(container: AuthDeps, request: RefreshRequest): Promise<SessionResponse> {
  const { userId, refreshToken } = await container.refreshTokens.rotate(request.refreshToken);
  return startSession(container, await requireUser(container, userId), refreshToken);
}
