import type { Handoff } from '@zhixiang/shared/assistant/handoff';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
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
