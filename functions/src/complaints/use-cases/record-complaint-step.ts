import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type {
  ComplaintDetail,
  ComplaintStatus,
  RecordComplaintStepRequest,
} from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { changeComplaint } from './change-complaint';
import { type ComplaintDeps, loadVisibleComplaint } from './complaint-access';

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
  const current = await loadVisibleComplaint(deps, claims, complaintId);
  const { complaint } = current;
  if (complaint.status === 'received') throw new AppError('CONFLICT', '请先认领该投诉');
  if (complaint.claimedBy !== claims.sub)
    throw new AppError('CONFLICT', '该投诉由其他同事处理，您不能记录处理步骤');
  const rule = REQUIRES[request.step];
  if (complaint.status === 'decided') throw new AppError('CONFLICT', '该投诉已办结');
  if (complaint.status !== rule.status)
    throw new AppError('CONFLICT', complaint.status === request.step ? '该步骤已记录' : rule.message, {
      field: 'step',
    });
  return changeComplaint(
    deps,
    claims,
    current,
    { status: request.step },
    { type: request.step, note: request.note },
  );
}
