import type { Handoff } from '@zhixiang/shared/assistant/handoff';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type HandoffDeps, loadVisibleHandoff, toHandoffView } from './handoff-access';
import { publishHandoffStatus } from './publish-handoff-update';

/** The staff member who claimed the handoff closes it with a summary; no messages after that. */
export async function closeHandoff(
  deps: HandoffDeps,
  claims: AccessClaims,
  handoffId: string,
  summary: string,
): Promise<Handoff> {
  await loadVisibleHandoff(deps, claims, handoffId);
  const closed = await deps.repositories.handoffs.close(handoffId, claims.sub, summary, deps.now());
  if (!closed) throw new AppError('CONFLICT', '只能结束由您接入且尚未结束的人工服务');
  await publishHandoffStatus(deps, closed);
  return toHandoffView(deps, closed, claims);
}
