import type { Handoff } from '@zhixiang/shared/assistant/handoff';
import { isWithinServiceHours } from '@zhixiang/shared/assistant/service-hours';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type HandoffDeps, sampleWaitingHandoffs, toHandoffView } from './handoff-access';

export const CONVERSATION_NOT_FOUND_MESSAGE = '未找到该会话，请重新发起咨询';

/**
 * 转人工: the customer's assistant conversation goes to the queue of their branch, with the
 * transcript and the last detected intent. Only a signed-in customer with a bound (SMS-verified)
 * identity can be handed over, so the person taking it does not need to verify them again.
 * Asking twice returns the same handoff. Outside service hours it becomes a message (留言): the
 * customer writes what they need, staff answer when they are in, and the customer is notified.
 */
export async function requestHandoff(
  deps: HandoffDeps,
  claims: AccessClaims,
  conversationId: string,
): Promise<Handoff> {
  if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定，再转人工客服');
  const conversation = await deps.repositories.assistantConversations.get(conversationId);
  if (!conversation || conversation.ownerUserId !== claims.sub)
    throw new AppError('NOT_FOUND', CONVERSATION_NOT_FOUND_MESSAGE);
  const customer = await deps.repositories.customers.get(claims.customerId);
  if (!customer)
    throw new AppError('INTERNAL', undefined, { logMessage: `customer ${claims.customerId} missing` });
  const handoff = await deps.repositories.handoffs.createOrGet({
    handoffId: conversationId,
    customerId: customer.customerId,
    customerName: customer.name,
    branchPath: customer.branchPath,
    intent: conversation.lastIntent,
    status: 'queued',
    mode: isWithinServiceHours(deps.config.serviceHours, new Date(deps.now())) ? 'live' : 'message',
    createdAt: deps.now(),
    claimedBy: null,
    claimedByName: null,
    summary: null,
    closedAt: null,
    lastSeq: 0,
  });
  await sampleWaitingHandoffs(deps);
  return toHandoffView(deps, handoff, claims);
}
