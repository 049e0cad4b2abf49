import type { Handoff } from '@zhixiang/shared/assistant/handoff';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { type HandoffDeps, loadVisibleHandoff, toHandoffView } from './handoff-access';

/** One handoff for the staff console's chat screen: context, transcript, who has it. */
export async function getHandoff(
  deps: HandoffDeps,
  claims: AccessClaims,
  handoffId: string,
): Promise<Handoff> {
  return toHandoffView(deps, await loadVisibleHandoff(deps, claims, handoffId), claims);
}
