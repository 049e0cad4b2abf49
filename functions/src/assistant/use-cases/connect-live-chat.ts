import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { LiveChatConnectionStore } from '@zhixiang/shared/ports/live-chat';

interface ConnectDeps {
  repositories: { liveChatConnections: LiveChatConnectionStore };
  accessTokens: { verify(token: string): Promise<AccessClaims> };
  now: () => number;
}

/**
 * `$connect`: the socket is accepted only with a valid access token (query parameter `token`, since
 * browsers and `wx.connectSocket` cannot set an Authorization header on the handshake everywhere),
 * verified by the same code as every HTTP route. The claims are kept with the connection: each
 * subscribe is authorised with them.
 */
export async function connectLiveChat(
  deps: ConnectDeps,
  connectionId: string,
  token: string | undefined,
): Promise<void> {
  if (!token) throw new AppError('UNAUTHENTICATED', '请先登录', { logMessage: 'live chat: no token' });
  const claims = await deps.accessTokens.verify(token);
  if (claims.role === 'agent') throw new AppError('FORBIDDEN', undefined, { logMessage: 'live chat: agent' });
  await deps.repositories.liveChatConnections.register({
    connectionId,
    userId: claims.sub,
    role: claims.role,
    customerId: claims.customerId ?? null,
    branchPath: claims.branchPath ?? null,
    connectedAt: deps.now(),
  });
}
