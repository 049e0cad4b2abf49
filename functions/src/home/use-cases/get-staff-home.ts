import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { StaffHomeResponse } from '@zhixiang/shared/home/schemas';
import { type QueueItemFact, type StaffQueueName, staffQueue } from '@zhixiang/shared/home/staff-home';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import type { ComplaintStore } from '@zhixiang/shared/ports/complaints';
import type { EndorsementRepository } from '@zhixiang/shared/ports/endorsements';
import type { HandoffStore } from '@zhixiang/shared/ports/handoffs';
import type { IdentityReviewStore } from '@zhixiang/shared/ports/identity-verifications';
import { waitingHandoffFactsOf } from '../../assistant/use-cases/list-handoff-queue';
import { problemCaseFactsOf } from '../../callback/use-cases/callback-follow-ups';
import { dayCallbackFactsOf } from '../../callback/use-cases/list-callback-bookings';
import { openComplaintFactsOf } from '../../complaints/use-cases/list-complaint-queue';
import { reviewQueueFactsOf } from '../../endorsements/use-cases/list-endorsements';
import { pendingReviewFactsOf } from '../../identity/use-cases/list-identity-reviews';

export interface StaffHomeDeps {
  repositories: {
    endorsements: Pick<EndorsementRepository, 'listAwaitingReview'>;
    handoffs: Pick<HandoffStore, 'listOpen'>;
    callbackBookings: Pick<CallbackBookingRepository, 'listBookingsOfDate' | 'listOpenFollowUps'>;
    complaints: Pick<ComplaintStore, 'listOpen'>;
  };
  identityReviews: Pick<IdentityReviewStore, 'listPending'>;
  now: () => number;
}

/**
 * The staff home: each queue of the staff member's duties in their branch subtree (an admin: every
 * branch), with its count and the oldest item's wait. One query per queue, each partitioned by the
 * queue and prefixed by the branch path (today's callbacks: the day's partition), all at once.
 */
export async function getStaffHome(deps: StaffHomeDeps, claims: AccessClaims): Promise<StaffHomeResponse> {
  if (claims.role !== 'staff' && claims.role !== 'admin')
    throw new AppError('FORBIDDEN', '工作台仅供内勤人员查看');
  const scope = claims.role === 'admin' ? '' : (claims.branchPath ?? '');
  if (claims.role === 'staff' && !scope)
    throw new AppError('FORBIDDEN', '您的账号未设置所属机构，请联系管理员');
  const now = deps.now();
  const today = todayInShanghai(new Date(now));
  const queries: Record<StaffQueueName, Promise<QueueItemFact[]>> = {
    endorsementReviews: reviewQueueFactsOf(deps, scope),
    handoffsWaiting: waitingHandoffFactsOf(deps, scope),
    callbacksToday: dayCallbackFactsOf(deps, today),
    problemCases: problemCaseFactsOf(deps, scope),
    identityReviews: pendingReviewFactsOf(deps, scope),
    complaints: openComplaintFactsOf(deps, scope),
  };
  const names = Object.keys(queries) as StaffQueueName[];
  const facts = await Promise.all(names.map((name) => queries[name]));
  return { today, queues: names.map((name, i) => staffQueue(name, facts[i] ?? [], scope, now)) };
}
