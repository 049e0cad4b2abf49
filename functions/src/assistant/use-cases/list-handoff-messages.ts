import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type HandoffDeps, loadVisibleHandoff, toMessageView } from './handoff-access';

/**
 * Polling: the messages after the last one the caller has (`after`, a sequence number), in order,
 * with the handoff's status and, while it waits, its place in the queue. A client that reconnects asks again from its last seq and gets each
 * message exactly once.
 */
export async function listHandoffMessages(
  deps: HandoffDeps,
  claims: AccessClaims,
  handoffId: string,
  after: string | undefined,
) {
  const afterSeq = after === undefined || after === '' ? 0 : Number(after);
  if (!Number.isInteger(afterSeq) || afterSeq < 0)
    throw new AppError('VALIDATION_FAILED', '参数 after 应为非负整数', { field: 'after' });
  const handoff = await loadVisibleHandoff(deps, claims, handoffId);
  const [messages, queue] = await Promise.all([
    deps.repositories.handoffs.listMessages(handoffId, afterSeq),
    handoff.status === 'queued' ? deps.repositories.handoffs.listOpen(handoff.branchPath) : null,
  ]);
  return {
    status: handoff.status,
    claimedByName: handoff.claimedByName,
    queuedAhead: queue
      ? queue.filter((h) => h.status === 'queued' && h.createdAt < handoff.createdAt).length
      : null,
    messages: messages.map(toMessageView),
  };
}
