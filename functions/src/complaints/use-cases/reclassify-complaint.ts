import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { COMPLAINT_CATEGORIES, SEVERITY_LABELS } from '@zhixiang/shared/complaints/classification';
import type { ComplaintDetail, ReclassifyComplaintRequest } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { changeComplaint } from './change-complaint';
import { type ComplaintDeps, loadVisibleComplaint } from './complaint-access';

/** Staff of the subtree change the category and/or severity with a reason; the event keeps before and after. */
export async function reclassifyComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
  request: ReclassifyComplaintRequest,
): Promise<ComplaintDetail> {
  const current = await loadVisibleComplaint(deps, claims, complaintId);
  const { complaint } = current;
  if (complaint.status === 'decided') throw new AppError('CONFLICT', '该投诉已办结，不能重新分类');
  const changes: string[] = [];
  if (request.category !== complaint.category)
    changes.push(
      `类别 ${COMPLAINT_CATEGORIES[complaint.category]} → ${COMPLAINT_CATEGORIES[request.category]}`,
    );
  if (request.severity !== complaint.severity)
    changes.push(`等级 ${SEVERITY_LABELS[complaint.severity]} → ${SEVERITY_LABELS[request.severity]}`);
  if (changes.length === 0)
    throw new AppError('VALIDATION_FAILED', '类别和等级都与当前相同，无需重新分类', { field: 'category' });
  return changeComplaint(
    deps,
    claims,
    current,
    { category: request.category, severity: request.severity },
    { type: 'reclassified', note: `${changes.join('；')}。原因：${request.reason}` },
  );
}
