import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type {
  ComplaintDetail,
  ComplaintStatus,
  RecordComplaintStepRequest,
} from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { actorName, type ComplaintDeps, detailFor, loadVisibleComplaint } from './complaint-access';

/** Each step follows the one before: claimed → contacted → responded → decided. */
const REQUIRES: Record<RecordComplaintStepRequest['step'], { status: ComplaintStatus; message: string }> = {
  contacted: { status: 'claimed', message: '请先认领该投诉，再记录联系情况' },
  responded: { status: 'contacted', message: '请先记录与客户的联系，再记录答复' },
  decided: { status: 'responded', message: '请先记录答复，再作出处理决定' },
};

/**
 * The handler records contact, response or decision: a state change with its audit event,
 * conditional on the version read (a concurrent change → 409, nothing half-written).
 */
export async function recordComplaintStep(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
  request: RecordComplaintStepRequest,
): Promise<ComplaintDetail> {
  const { complaint, customer } = await loadVisibleComplaint(deps, claims, complaintId);
  if (complaint.status === 'received') throw new AppError('CONFLICT', '请先认领该投诉');
  if (complaint.claimedBy !== claims.sub)
    throw new AppError('CONFLICT', '该投诉由其他同事处理，您不能记录处理步骤');
  const rule = REQUIRES[request.step];
  if (complaint.status === 'decided') throw new AppError('CONFLICT', '该投诉已办结');
  if (complaint.status !== rule.status)
    throw new AppError('CONFLICT', complaint.status === request.step ? '该步骤已记录' : rule.message, {
      field: 'step',
    });
  const name = await actorName(deps, claims);
  const next = { ...complaint, status: request.step, version: complaint.version + 1 };
  const saved = await deps.repositories.complaints.transition(next, {
    complaintId,
    seq: next.version,
    type: request.step,
    at: new Date(deps.now()).toISOString(),
    actorId: claims.sub,
    actorName: name,
    note: request.note,
  });
  if (!saved) throw new AppError('CONFLICT', '该投诉刚被更新，请刷新后重试');
  const events = await deps.repositories.complaints.events(complaintId);
  return detailFor(deps, claims, saved, events, customer);
}
