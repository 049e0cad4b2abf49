import type { SubscribeFrame } from '@zhixiang/shared/assistant/live-chat';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type HandoffDeps, loadVisibleHandoff, toMessageView } from './handoff-access';

/**
 * `subscribe`: the connection listens to a handoff its user may see (the customer, staff of the
 * subtree — 404 for anyone else, as over HTTP), then gets every message after `after`. Registered
 * before the replay is read, so a message stored in between is pushed, replayed, or both (the client
 * merges by seq) — never lost.
 */
export async function subscribeToHandoff(
  deps: HandoffDeps,
  connectionId: string,
  frame: SubscribeFrame,
): Promise<void> {
  const connection = await deps.repositories.liveChatConnections.get(connectionId);
  if (!connection) throw new AppError('UNAUTHENTICATED', '连接已失效，请重新连接');
  const claims: AccessClaims = {
    sub: connection.userId,
    role: connection.role,
    ...(connection.customerId ? { customerId: connection.customerId } : {}),
    ...(connection.branchPath ? { branchPath: connection.branchPath } : {}),
  };
  await loadVisibleHandoff(deps, claims, frame.handoffId);
  await deps.repositories.liveChatConnections.subscribe(connectionId, frame.handoffId);
  const [handoff, messages] = await Promise.all([
    deps.repositories.handoffs.get(frame.handoffId),
    deps.repositories.handoffs.listMessages(frame.handoffId, frame.after),
  ]);
  if (!handoff) return;
  await deps.liveChatPusher?.push(connectionId, {
    type: 'messages',
    handoffId: frame.handoffId,
    status: handoff.status,
    claimedByName: handoff.claimedByName,
    messages: messages.map(toMessageView),
  });
}
