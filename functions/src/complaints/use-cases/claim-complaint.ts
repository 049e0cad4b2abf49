import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintDetail } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { actorName, type ComplaintDeps, loadVisibleComplaint, readDetail } from './complaint-access';

/**
 * A staff member of the subtree takes a received complaint, unless it is about them (回避). The write is conditional on the
 * version read, so of two claims at once exactly one wins; the other gets 409.
 */
export async function claimComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
): Promise<ComplaintDetail> {
  const { complaint, customer } = await loadVisibleComplaint(deps, claims, complaintId);
  if (complaint.namedStaff?.userId === claims.sub)
    throw new AppError('FORBIDDEN', '本投诉涉及您本人，须回避，请由其他同事认领');
  const taken = new AppError('CONFLICT', '该投诉已由其他同事认领');
  if (complaint.status !== 'received') throw taken;
  const name = await actorName(deps, claims);
  const at = new Date(deps.now()).toISOString();
  const next = {
    ...complaint,
    status: 'claimed' as const,
    claimedBy: claims.sub,
    claimedByName: name,
    version: complaint.version + 1,
  };
  const saved = await deps.repositories.complaints.transition(next, {
    complaintId,
    seq: next.version,
    type: 'claimed',
    at,
    actorId: claims.sub,
    actorName: name,
    note: null,
  });
  if (!saved) throw taken;
  return readDetail(deps, claims, saved, customer);
}
