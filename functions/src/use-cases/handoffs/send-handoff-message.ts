import type { HandoffMessage } from '@zhixiang/shared/assistant/handoff';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type HandoffDeps, loadVisibleHandoff, toMessageView } from './handoff-access';
import { publishHandoffUpdate } from './publish-handoff-update';

/**
 * A message in the live chat: from the customer while the handoff is open, from staff only by the
 * one who claimed it. Each gets the next sequence number from the handoff's atomic counter, so
 * messages are stored once and read back in order; both parties' open sockets get it pushed.
 */
export async function sendHandoffMessage(
  deps: HandoffDeps,
  claims: AccessClaims,
  handoffId: string,
  text: string,
): Promise<HandoffMessage> {
  const handoff = await loadVisibleHandoff(deps, claims, handoffId);
  const from = claims.role === 'customer' ? 'customer' : 'staff';
  if (from === 'staff' && handoff.claimedBy !== claims.sub)
    throw new AppError('CONFLICT', '请先接入该人工服务，再回复客户');
  const message = await deps.repositories.handoffs.appendMessage({
    handoffId,
    from,
    senderId: claims.sub,
    text,
    at: deps.now(),
  });
  if (!message) throw new AppError('CONFLICT', '该人工服务已结束');
  const view = toMessageView(message);
  await publishHandoffUpdate(deps, handoffId, { type: 'message', handoffId, message: view });
  return view;
}
