import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintDetail } from '@zhixiang/shared/complaints/schemas';
import { type ComplaintDeps, loadVisibleComplaint, readDetail } from './complaint-access';

/** One complaint with its progress timeline (and, for staff and agents, its clocks and audit log). */
export async function getComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
): Promise<ComplaintDetail> {
  const { complaint, customer } = await loadVisibleComplaint(deps, claims, complaintId);
  return readDetail(deps, claims, complaint, customer);
}
