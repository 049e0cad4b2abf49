import { canViewCustomer, canViewPolicy } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { ComplaintDetail, FileComplaintForCustomerRequest } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { IvrCallStore } from '@zhixiang/shared/ports/ivr-calls';
import { actorName, type ComplaintDeps } from './complaint-access';
import type { ComplaintPhotoDeps } from './complaint-photos';
import {
  type ComplaintFiling,
  namedAgentOf,
  openComplaint,
  POLICY_NOT_FOUND_MESSAGE,
} from './file-complaint';

export const CUSTOMER_NOT_FOUND_MESSAGE = '未找到该客户';

export interface FileForCustomerDeps extends ComplaintPhotoDeps {
  repositories: ComplaintPhotoDeps['repositories'] & { ivrCalls: Pick<IvrCallStore, 'get'> };
}

/**
 * An agent files a complaint for one of their customers, or a seat of the call centre for a caller
 * of their branch subtree. A seat working from the screen-pop passes the call: it must be one the
 * phone system verified as this very customer. A seat may name the colleague the complaint is
 * about, who then may not claim it; the policy's agent may be named by either.
 */
export async function fileComplaintForCustomer(
  deps: FileForCustomerDeps,
  claims: AccessClaims,
  customerId: string,
  request: FileComplaintForCustomerRequest,
): Promise<ComplaintDetail> {
  if (claims.role === 'agent' && (request.callId || request.namedStaffUserId))
    throw new AppError('VALIDATION_FAILED', '代理人登记投诉不涉及来电编号或被投诉员工', {
      field: request.callId ? 'callId' : 'namedStaffUserId',
    });
  if (claims.role === 'agent' && request.aboutAgent)
    throw new AppError(
      'VALIDATION_FAILED',
      '涉及代理人本人的投诉须回避，请客户本人在小程序提交或致电客服热线',
      { field: 'aboutAgent' },
    );
  const customer = await deps.repositories.customers.get(customerId);
  if (!customer || !canViewCustomer(claims, customer))
    throw new AppError('NOT_FOUND', CUSTOMER_NOT_FOUND_MESSAGE, {
      logMessage: `customer ${customerId} not found or not visible to ${claims.sub}`,
    });
  const policy = await deps.repositories.policies.get(request.policyNo);
  const ownsPolicy = policy && (policy.holderId === customerId || policy.insuredId === customerId);
  if (!policy || !ownsPolicy || !canViewPolicy(claims, policy, [customer]))
    throw new AppError('NOT_FOUND', POLICY_NOT_FOUND_MESSAGE, { field: 'policyNo' });
  if (request.callId) {
    const call = await deps.repositories.ivrCalls.get(request.callId);
    if (!call?.verified || call.customerId !== customerId)
      throw new AppError(
        'VALIDATION_FAILED',
        '该来电未核验为此客户，请按常规方式核实身份后登记（不填来电编号）',
        {
          field: 'callId',
        },
      );
  }
  const filing: ComplaintFiling = {
    channel: claims.role === 'agent' ? 'agent' : 'phone',
    filedByName: await actorName(deps, claims),
    ...(request.callId ? { callId: request.callId } : {}),
    ...(await namedAgentOf(deps, policy, request.aboutAgent)),
    ...(request.namedStaffUserId ? { namedStaff: await namedStaff(deps, request.namedStaffUserId) } : {}),
  };
  return openComplaint(deps, claims, customer, policy, request, filing);
}

async function namedStaff(deps: ComplaintDeps, userId: string): Promise<{ userId: string; name: string }> {
  const user = await deps.repositories.users.get(userId);
  if (user?.role !== 'staff')
    throw new AppError('VALIDATION_FAILED', '未找到被投诉员工的账号，请核对', { field: 'namedStaffUserId' });
  return { userId, name: user.displayName };
}
