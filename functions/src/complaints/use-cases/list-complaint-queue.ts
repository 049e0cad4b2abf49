import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintQueueItem } from '@zhixiang/shared/complaints/schemas';
import { toComplaintQueueItem } from '@zhixiang/shared/complaints/view';
import type { QueueItemFact } from '@zhixiang/shared/home/staff-home';
import type { ComplaintStore } from '@zhixiang/shared/ports/complaints';
import type { ComplaintDeps } from './complaint-access';

/** 投诉工单 queue: the open complaints handled in the reader's branch subtree (staff, executives), oldest first. */
export async function listComplaintQueue(
  deps: ComplaintDeps,
  claims: AccessClaims,
): Promise<{ complaints: ComplaintQueueItem[] }> {
  const path = claims.role === 'admin' ? '' : (claims.branchPath ?? '');
  if (claims.role !== 'admin' && !path) return { complaints: [] };
  const open = (await deps.repositories.complaints.listOpen(path)).filter(
    (c) => !path || isInBranchSubtree(c.handlingBranchPath, path),
  );
  const now = new Date(deps.now());
  const complaints = await Promise.all(
    open.map(async (c) => {
      const [events, customer] = await Promise.all([
        deps.repositories.complaints.events(c.complaintId),
        deps.repositories.customers.get(c.customerId),
      ]);
      return toComplaintQueueItem(c, events, customer?.name ?? '', deps.businessCalendar, now);
    }),
  );
  return { complaints };
}

/** The open complaints handled in a branch subtree, as facts of the staff home's queue. */
export async function openComplaintFactsOf(
  deps: { repositories: { complaints: Pick<ComplaintStore, 'listOpen'> } },
  branchPath: string,
): Promise<QueueItemFact[]> {
  const open = await deps.repositories.complaints.listOpen(branchPath);
  return open.map((c) => ({ branchPath: c.handlingBranchPath, since: Date.parse(c.receivedAt) }));
}
