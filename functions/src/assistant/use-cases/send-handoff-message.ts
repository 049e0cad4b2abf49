import type { HandoffMessage } from '@zhixiang/shared/assistant/handoff';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { formatShanghaiMonthDayTime } from '@zhixiang/shared/format/dates';
import type { HandoffRecord } from '@zhixiang/shared/ports/handoffs';
import { type HandoffDeps, loadVisibleHandoff, toMessageView } from './handoff-access';
import { publishHandoffUpdate, publishListenedMessage } from './publish-handoff-update';

/**
 * A message in the live chat: from the customer while the handoff is open, from staff only by the
 * one who claimed it. Each gets the next sequence number from the handoff's atomic counter, so
 * messages are stored once and read back in order; both parties' open sockets get it pushed, and
 * the executives listening in (高管聆听) get it masked.
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
  await Promise.all([
    publishHandoffUpdate(deps, handoffId, { type: 'message', handoffId, message: view }),
    publishListenedMessage(deps, handoff, message),
  ]);
  if (from === 'staff' && handoff.mode === 'message') await notifyCustomerOfAnswer(deps, handoff);
  return view;
}

/**
 * The first answer to a message left outside service hours sends one SMS (「您于11/26 23:05的留言已有回复…」);
 * the 客服 tab shows the answer on the customer's next visit. A failed SMS never fails the reply: it
 * is logged and the next reply tries again.
 */
async function notifyCustomerOfAnswer(deps: HandoffDeps, handoff: HandoffRecord): Promise<void> {
  if (!(await deps.repositories.handoffs.markCustomerNotified(handoff.handoffId, deps.now()))) return;
  try {
    const customer = await deps.repositories.customers.get(handoff.customerId);
    if (!customer) throw new Error(`customer ${handoff.customerId} missing`);
    await deps.sms.send({
      to: customer.phone,
      template: 'handoff_reply',
      code: formatShanghaiMonthDayTime(handoff.createdAt),
    });
  } catch (error) {
    deps.logger.warn('handoff reply: SMS not sent', { handoffId: handoff.handoffId, error });
    await deps.repositories.handoffs.clearCustomerNotified(handoff.handoffId);
  }
}
