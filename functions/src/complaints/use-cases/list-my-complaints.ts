import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintSummary } from '@zhixiang/shared/complaints/schemas';
import { toComplaintSummary } from '@zhixiang/shared/complaints/view';
import { AppError } from '@zhixiang/shared/errors';
import type { ComplaintDeps } from './complaint-access';

/** 我的投诉: the signed-in customer's own complaints, newest first. */
export async function listMyComplaints(
  deps: Pick<ComplaintDeps, 'repositories'>,
  claims: AccessClaims,
): Promise<{ complaints: ComplaintSummary[] }> {
  if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定，再查看您的投诉');
  const records = await deps.repositories.complaints.listByCustomer(claims.customerId);
  return { complaints: records.map(toComplaintSummary) };
}
