import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintDetail, RateComplaintRequest } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { changeComplaint } from './change-complaint';
import { type ComplaintDeps, loadVisibleComplaint } from './complaint-access';

/** The complainant rates the handling of their decided complaint, once; the rating is audited. */
export async function rateComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
  request: RateComplaintRequest,
): Promise<ComplaintDetail> {
  const current = await loadVisibleComplaint(deps, claims, complaintId);
  const { complaint } = current;
  if (complaint.status !== 'decided') throw new AppError('CONFLICT', '投诉办结后才能评价');
  if (complaint.rating) throw new AppError('CONFLICT', '您已评价过该投诉');
  const comment = request.comment ? request.comment : null;
  return changeComplaint(
    deps,
    claims,
    current,
    { rating: { score: request.score, comment, at: new Date(deps.now()).toISOString() } },
    { type: 'rated', note: comment ? `${request.score} 分：${comment}` : `${request.score} 分` },
  );
}
