import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { CallbackBooking, RecordCallbackOutcomeRequest } from '@zhixiang/shared/callback/schemas';
import { toCallbackBooking } from '@zhixiang/shared/callback/view';
import { AppError } from '@zhixiang/shared/errors';
import type { CallbackDeps } from './callback-policy';

/**
 * Staff: the call's outcome. Completed keeps the seven confirmed points; unreachable frees the
 * policy to book again (the customer is offered new slots); a problem case (问题件) stays with
 * the policy's branch, whose staff see it in their day view.
 */
export async function recordCallbackOutcome(
  deps: CallbackDeps,
  claims: AccessClaims,
  policyNo: string,
  request: RecordCallbackOutcomeRequest,
): Promise<CallbackBooking> {
  const repo = deps.repositories.callbackBookings;
  const current = await repo.getBooking(policyNo);
  const visible =
    current && (claims.role === 'admin' || isInBranchSubtree(current.branchPath, claims.branchPath ?? ''));
  if (!current || !visible) throw new AppError('NOT_FOUND', '未找到该回访预约');
  if (current.status !== 'booked') throw new AppError('CONFLICT', '该回访已记录结果');
  const recorded = await repo.recordOutcome(current, request.outcome, {
    points: request.points ?? null,
    note: request.note?.trim() || null,
    recordedBy: claims.sub,
    recordedAt: deps.now(),
  });
  return toCallbackBooking(recorded);
}
