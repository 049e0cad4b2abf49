import { canViewCustomer } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintSummary } from '@zhixiang/shared/complaints/schemas';
import { toComplaintSummary } from '@zhixiang/shared/complaints/view';
import { AppError } from '@zhixiang/shared/errors';
import { type ComplaintDeps, isAboutReader } from './complaint-access';

/** 我的投诉: the signed-in customer's own complaints, newest first. */
export async function listMyComplaints(
  deps: Pick<ComplaintDeps, 'repositories'>,
  claims: AccessClaims,
): Promise<{ complaints: ComplaintSummary[] }> {
  if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定，再查看您的投诉');
  const records = await deps.repositories.complaints.listByCustomer(claims.customerId);
  return { complaints: records.map(toComplaintSummary) };
}

/**
 * A customer's complaints for their assigned agent (not those about the agent themself), staff
 * of their branch subtree or an admin.
 */
export async function listCustomerComplaints(
  deps: Pick<ComplaintDeps, 'repositories'>,
  claims: AccessClaims,
  customerId: string,
): Promise<{ complaints: ComplaintSummary[] }> {
  const customer = await deps.repositories.customers.get(customerId);
  if (!customer || !canViewCustomer(claims, customer))
    throw new AppError('NOT_FOUND', '未找到该客户', {
      logMessage: `customer ${customerId} not found or not visible to ${claims.sub}`,
    });
  const records = await deps.repositories.complaints.listByCustomer(customerId);
  return { complaints: records.filter((c) => !isAboutReader(claims, c)).map(toComplaintSummary) };
}
