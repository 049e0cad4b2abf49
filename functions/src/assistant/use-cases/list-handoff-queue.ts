import type { Handoff } from '@zhixiang/shared/assistant/handoff';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { QueueItemFact } from '@zhixiang/shared/home/staff-home';
import type { HandoffStore } from '@zhixiang/shared/ports/handoffs';
import { type HandoffDeps, toHandoffView } from './handoff-access';

/** The open handoffs (queued first-come, and claimed) of the staff member's branch subtree. */
export async function listHandoffQueue(
  deps: HandoffDeps,
  claims: AccessClaims,
): Promise<{ handoffs: Handoff[] }> {
  // Admins have no branch: the head office's path covers every branch.
  const branchPath = claims.role === 'admin' ? '' : (claims.branchPath ?? '');
  if (claims.role !== 'admin' && !branchPath) return { handoffs: [] };
  const open = await deps.repositories.handoffs.listOpen(branchPath);
  return { handoffs: await Promise.all(open.map((h) => toHandoffView(deps, h, claims))) };
}

/** The handoffs still waiting for a person in a branch subtree, as facts of the staff home's queue. */
export async function waitingHandoffFactsOf(
  deps: { repositories: { handoffs: Pick<HandoffStore, 'listOpen'> } },
  branchPath: string,
): Promise<QueueItemFact[]> {
  const open = await deps.repositories.handoffs.listOpen(branchPath);
  return open
    .filter((h) => h.status === 'queued')
    .map((h) => ({ branchPath: h.branchPath, since: h.createdAt }));
}
