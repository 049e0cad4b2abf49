import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { CalendarOutOfRangeError } from '@zhixiang/shared/complaints/calendar';
import { statutoryDeadline, statutoryLimitDays } from '@zhixiang/shared/complaints/clocks';
import type { ComplaintDetail, ExtendComplaintRequest } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { changeComplaint } from './change-complaint';
import { type ComplaintDeps, loadVisibleComplaint } from './complaint-access';

function currentDeadline(deps: ComplaintDeps, receivedAt: string, limitDays: number): number {
  try {
    return Date.parse(statutoryDeadline(deps.businessCalendar, receivedAt, limitDays));
  } catch (error) {
    if (error instanceof CalendarOutOfRangeError)
      throw new AppError(
        'INTERNAL',
        '业务日历尚未导入相关年份的节假日安排，暂时无法计算处理时限，请联系管理员',
        {
          cause: error,
          logMessage: error.message,
        },
      );
    throw error;
  }
}

/**
 * Extends the statutory decision period (银行业保险业消费投诉处理管理办法, 2020): to 30 days by the
 * complaint's handler for a complex case; to 60 days only with the approval of a superior level —
 * staff whose branch lies strictly above the handling branch (or an admin). Only before the
 * current period ends; the complainant sees the extension and its reason on their complaint.
 */
export async function extendComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
  request: ExtendComplaintRequest,
): Promise<ComplaintDetail> {
  const current = await loadVisibleComplaint(deps, claims, complaintId);
  const { complaint } = current;
  if (complaint.status === 'decided') throw new AppError('CONFLICT', '该投诉已办结，不能延期');
  const events = await deps.repositories.complaints.events(complaintId);
  const limit = statutoryLimitDays(events);
  if (request.limitDays <= limit)
    throw new AppError('CONFLICT', `处理时限已为 ${limit} 日`, { field: 'limitDays' });
  if (request.limitDays === 60 && limit < 30)
    throw new AppError('CONFLICT', '请先将处理时限延长至 30 日', { field: 'limitDays' });
  const deadline = currentDeadline(deps, complaint.receivedAt, limit);
  if (deps.now() >= deadline) throw new AppError('CONFLICT', '已超过法定处理时限，不能再延期');
  if (request.limitDays === 30 && complaint.claimedBy !== claims.sub)
    throw new AppError('CONFLICT', '延长至 30 日须由该投诉的处理人办理');
  const superior =
    claims.role === 'admin' ||
    (Boolean(claims.branchPath) &&
      claims.branchPath !== complaint.handlingBranchPath &&
      isInBranchSubtree(complaint.handlingBranchPath, claims.branchPath ?? ''));
  if (request.limitDays === 60 && !superior) throw new AppError('FORBIDDEN', '延长至 60 日须经上级机构审批');
  return changeComplaint(
    deps,
    claims,
    current,
    {},
    {
      type: 'extended',
      limitDays: request.limitDays,
      note: request.reason,
    },
  );
}
