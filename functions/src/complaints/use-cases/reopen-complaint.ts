import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  type ComplaintDetail,
  REOPEN_WINDOW_DAYS,
  type ReopenComplaintRequest,
} from '@zhixiang/shared/complaints/schemas';
import { reopenableUntil, toComplaintDetail } from '@zhixiang/shared/complaints/view';
import { AppError } from '@zhixiang/shared/errors';
import { actorName, type ComplaintDeps, loadVisibleComplaint } from './complaint-access';
import { newComplaint } from './file-complaint';

/**
 * The complainant re-opens a decided complaint within REOPEN_WINDOW_DAYS of the decision, saying
 * what is still wrong. The re-opening is a new complaint (its own number, clocks from now,
 * classified afresh, routed back to the policy's branch) naming the decided one, which records it
 * with a `reopened` event — both in one transaction, so a complaint is re-opened at most once.
 */
export async function reopenComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
  request: ReopenComplaintRequest,
): Promise<ComplaintDetail> {
  const { complaint } = await loadVisibleComplaint(deps, claims, complaintId);
  if (complaint.reopenedAs)
    throw new AppError('CONFLICT', `该投诉已重新提出，新的投诉编号为 ${complaint.reopenedAs}`, {
      relatedId: complaint.reopenedAs,
    });
  if (complaint.status !== 'decided')
    throw new AppError('CONFLICT', '投诉尚未办结，处理人员会继续跟进，无需重新提出');
  const until = reopenableUntil(complaint, await deps.repositories.complaints.events(complaintId));
  if (!until || deps.now() > Date.parse(until))
    throw new AppError(
      'CONFLICT',
      `办结已超过 ${REOPEN_WINDOW_DAYS} 天，无法重新提出；如仍有异议，请提交新的投诉`,
    );
  const customer = await deps.repositories.customers.get(complaint.customerId);
  if (!customer) throw new AppError('NOT_FOUND', '未找到该投诉');
  const name = await actorName(deps, claims);
  for (let attempt = 0; attempt < 3; attempt++) {
    const created = await newComplaint(
      deps,
      claims,
      customer,
      { policyNo: complaint.policyNo, branchPath: complaint.branchPath },
      {
        category: complaint.category,
        description: request.reason,
        policyNo: complaint.policyNo,
        preferredContactTime: complaint.preferredContactTime,
      },
      {
        channel: 'mini_program',
        filedByName: '客户本人',
        namedAgent: complaint.namedAgent,
        namedStaff: complaint.namedStaff,
        reopenOf: complaint.complaintId,
      },
    );
    const next = { ...complaint, reopenedAs: created.complaint.complaintId, version: complaint.version + 1 };
    const reopened = await deps.repositories.complaints.reopen(
      {
        next,
        event: {
          complaintId: complaint.complaintId,
          seq: next.version,
          type: 'reopened',
          at: created.event.at,
          actorId: claims.sub,
          actorName: name,
          note: `重新提出为 ${created.complaint.complaintId}：${request.reason}`,
        },
      },
      created,
    );
    if (reopened) return toComplaintDetail(created.complaint, [created.event], null);
    // Either the decided complaint changed (re-opened at the same moment) or the number was taken.
    const now = await deps.repositories.complaints.get(complaintId);
    if (now?.version !== complaint.version)
      throw new AppError(
        'CONFLICT',
        now?.reopenedAs
          ? `该投诉已重新提出，新的投诉编号为 ${now.reopenedAs}`
          : '该投诉刚被更新，请刷新后重试',
      );
  }
  throw new AppError('INTERNAL', '投诉编号生成失败，请稍后重试');
}
