import { canViewCustomer } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type {
  EndorsementListResponse,
  EndorsementReviewQueue,
} from '@zhixiang/shared/endorsement/application';
import { toEndorsementSummary } from '@zhixiang/shared/endorsement/view';
import { AppError } from '@zhixiang/shared/errors';
import type { QueueItemFact } from '@zhixiang/shared/home/staff-home';
import type { EndorsementRepository } from '@zhixiang/shared/ports/endorsements';
import type { EndorsementDeps } from './endorsement-deps';

export const CUSTOMER_NOT_FOUND_MESSAGE = '未找到该客户';

/** 我的申请: the signed-in customer's applications as policyholder, newest first. */
export async function listMyEndorsements(
  deps: Pick<EndorsementDeps, 'repositories'>,
  claims: AccessClaims,
): Promise<EndorsementListResponse> {
  if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定，再查看您的保全申请');
  const records = await deps.repositories.endorsements.listByHolder(claims.customerId);
  return { applications: records.map((r) => toEndorsementSummary(r)) };
}

/** An agent's (or staff member's) view of one customer's applications: the customer must be theirs. */
export async function listCustomerEndorsements(
  deps: Pick<EndorsementDeps, 'repositories'>,
  claims: AccessClaims,
  customerId: string,
): Promise<EndorsementListResponse> {
  const customer = await deps.repositories.customers.get(customerId);
  if (!customer || !canViewCustomer(claims, customer))
    throw new AppError('NOT_FOUND', CUSTOMER_NOT_FOUND_MESSAGE, {
      logMessage: `customer ${customerId} not found or not visible to ${claims.sub}`,
    });
  const records = await deps.repositories.endorsements.listByHolder(customerId);
  return { applications: records.map((r) => toEndorsementSummary(r)) };
}

/** 保全审核: applications awaiting review in the staff member's branch subtree, oldest first. */
export async function listEndorsementReviews(
  deps: Pick<EndorsementDeps, 'repositories'>,
  claims: AccessClaims,
): Promise<EndorsementReviewQueue> {
  const path = claims.role === 'admin' ? '' : claims.branchPath;
  if (path === undefined) throw new AppError('FORBIDDEN', '仅保全审核人员可查看');
  const records = await deps.repositories.endorsements.listAwaitingReview(path);
  const branchNames = new Map<string, Promise<string>>();
  const branchName = (branchPath: string) => {
    const branchId = branchPath.split('/').at(-1) ?? '';
    let name = branchNames.get(branchId);
    if (!name) {
      name = deps.repositories.branches.get(branchId).then((b) => b?.name ?? branchId);
      branchNames.set(branchId, name);
    }
    return name;
  };
  return {
    applications: await Promise.all(
      records.map(async (r) => ({
        ...toEndorsementSummary(r),
        branchName: await branchName(r.branchPath),
        reviewReasons: r.reviewReasons,
        submittedAt: new Date(r.submittedAt ?? r.updatedAt).toISOString(),
      })),
    ),
  };
}

/** The applications awaiting review in a branch subtree, as facts of the staff home's queue. */
export async function reviewQueueFactsOf(
  deps: { repositories: { endorsements: Pick<EndorsementRepository, 'listAwaitingReview'> } },
  branchPath: string,
): Promise<QueueItemFact[]> {
  const records = await deps.repositories.endorsements.listAwaitingReview(branchPath);
  return records.map((r) => ({ branchPath: r.branchPath, since: r.submittedAt ?? r.createdAt }));
}
