import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintEventType } from '@zhixiang/shared/complaints/clocks';
import type { ComplaintDetail, JoinComplaintRequest } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { actorName, type ComplaintDeps, loadVisibleComplaint, readDetail } from './complaint-access';

const EVENT_OF: Record<JoinComplaintRequest['action'], ComplaintEventType> = {
  comment: 'commented',
  request_update: 'update_requested',
  assign: 'assigned',
};

/**
 * An executive of the complaint's subtree joins it (督办): a comment or a request for an update goes
 * into its audit log for the handler to see; `assign` hands it to a staff member of the handling
 * level's subtree (not one it names: 回避) — a received complaint becomes claimed by them. Nothing
 * else changes: executives do not contact, respond or decide. Conditional on the version read, so a
 * concurrent change wins and this gets 409.
 */
export async function joinComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
  request: JoinComplaintRequest,
): Promise<ComplaintDetail> {
  const { complaint, customer } = await loadVisibleComplaint(deps, claims, complaintId);
  if (complaint.status === 'decided')
    throw new AppError('CONFLICT', '该投诉已办结，无法再督办；如有异议请另行处理');
  let next = { ...complaint, version: complaint.version + 1 };
  let note = request.note;
  if (request.action === 'assign') {
    if (!request.assigneeUserId)
      throw new AppError('VALIDATION_FAILED', '请填写指派对象的账号', { field: 'assigneeUserId' });
    const assignee = await deps.repositories.users.get(request.assigneeUserId);
    if (
      assignee?.role !== 'staff' ||
      !assignee.branchPath ||
      !isInBranchSubtree(assignee.branchPath, complaint.handlingBranchPath)
    )
      throw new AppError('VALIDATION_FAILED', '指派对象须为当前处理机构及下属机构的员工', {
        field: 'assigneeUserId',
      });
    if (complaint.namedStaff?.userId === assignee.userId)
      throw new AppError('VALIDATION_FAILED', '本投诉涉及该员工本人，须回避，请指派其他同事', {
        field: 'assigneeUserId',
      });
    next = {
      ...next,
      status: complaint.status === 'received' ? 'claimed' : complaint.status,
      claimedBy: assignee.userId,
      claimedByName: assignee.displayName,
    };
    note = `指派给 ${assignee.displayName}：${request.note}`;
  }
  const saved = await deps.repositories.complaints.transition(next, {
    complaintId,
    seq: next.version,
    type: EVENT_OF[request.action],
    at: new Date(deps.now()).toISOString(),
    actorId: claims.sub,
    actorName: await actorName(deps, claims),
    note,
  });
  if (!saved) throw new AppError('CONFLICT', '该投诉刚被更新，请刷新后重试');
  return readDetail(deps, claims, saved, customer);
}
