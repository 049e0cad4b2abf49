import type { Handoff } from '@zhixiang/shared/assistant/handoff';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type HandoffDeps, loadVisibleHandoff, sampleWaitingHandoffs, toHandoffView } from './handoff-access';
import { publishHandoffStatus } from './publish-handoff-update';

export const WITHDRAWN_SUMMARY = '客户已返回智能客服';

/**
 * The customer goes back to the assistant while still waiting for a person: the handoff closes
 * (staff see it leave the queue). Once someone has taken it, it is theirs to close: 409.
 */
export async function withdrawHandoff(
  deps: HandoffDeps,
  claims: AccessClaims,
  handoffId: string,
): Promise<Handoff> {
  const handoff = await loadVisibleHandoff(deps, claims, handoffId);
  if (claims.role !== 'customer' || handoff.customerId !== claims.customerId) {
    throw new AppError('FORBIDDEN', '只有客户本人可以取消转人工');
  }
  const closed = await deps.repositories.handoffs.withdraw(handoffId, WITHDRAWN_SUMMARY, deps.now());
  if (!closed) throw new AppError('CONFLICT', '客服已接入，请在对话中告诉客服您的问题已解决');
  await publishHandoffStatus(deps, closed);
  await sampleWaitingHandoffs(deps);
  return toHandoffView(deps, closed, claims);
}
