import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintDetail, RecordCustomerWaitRequest } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { changeComplaint } from './change-complaint';
import { type ComplaintDeps, loadVisibleComplaint } from './complaint-access';

/**
 * The handler records that the complaint now waits for the customer, or that the customer
 * answered. Only before the response (the one clock that pauses is the external response); the
 * status does not change, the events drive the clock.
 */
export async function recordCustomerWait(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
  request: RecordCustomerWaitRequest,
): Promise<ComplaintDetail> {
  const current = await loadVisibleComplaint(deps, claims, complaintId);
  const { complaint } = current;
  if (complaint.claimedBy !== claims.sub)
    throw new AppError('CONFLICT', complaint.claimedBy ? '该投诉由其他同事处理' : '请先认领该投诉');
  if (complaint.status !== 'claimed' && complaint.status !== 'contacted')
    throw new AppError('CONFLICT', '已答复客户的投诉无需再等待客户');
  const events = await deps.repositories.complaints.events(complaintId);
  const last = events.filter((e) => e.type === 'awaiting_customer' || e.type === 'customer_replied').at(-1);
  const waiting = last?.type === 'awaiting_customer';
  if (request.waiting === waiting)
    throw new AppError('CONFLICT', waiting ? '该投诉已在等待客户' : '该投诉当前不在等待客户', {
      field: 'waiting',
    });
  return changeComplaint(
    deps,
    claims,
    current,
    {},
    { type: request.waiting ? 'awaiting_customer' : 'customer_replied', note: request.note },
  );
}
