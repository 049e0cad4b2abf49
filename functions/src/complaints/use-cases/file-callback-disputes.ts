import type { Logger } from '@aws-lambda-powertools/logger';
import { DISPUTES_SALE_LABEL } from '@zhixiang/shared/callback/schemas';
import { DESCRIPTION_MAX } from '@zhixiang/shared/complaints/schemas';
import type {
  CallbackBookingRepository,
  CallbackDisputeEntry,
} from '@zhixiang/shared/ports/callback-bookings';
import { drainOutbox } from '../../platform/outbox/drain-outbox';
import type { ComplaintDeps } from './complaint-access';
import { newComplaint } from './file-complaint';

/** Dispute entries taken per run. */
export const DISPUTE_PAGE = 50;

export interface FileCallbackDisputesDeps extends ComplaintDeps {
  repositories: ComplaintDeps['repositories'] & {
    callbackBookings: Pick<
      CallbackBookingRepository,
      'listPendingDisputes' | 'markDisputeFiled' | 'recordDisputeFailure'
    >;
  };
  logger: Pick<Logger, 'error'>;
}

/** The idempotency key of a dispute's complaint: the booking's policy and the outcome's instant. */
export const disputeSourceKey = (entry: Pick<CallbackDisputeEntry, 'policyNo' | 'recordedAt'>) =>
  `callback:${entry.policyNo}:${entry.recordedAt}`;

/**
 * A new-policy callback's problem case where the customer disputes the sale becomes a complaint
 * (渠道 新单回访, 类别 销售误导), filed through the complaints' own filing (classified, routed to the
 * policy's branch, its `received` event naming the staff member who took the call), exactly once:
 * the outcome's transaction wrote the dispute's outbox entry; the complaint is created with a guard
 * on the key derived from the booking, so a second run (or two at once) finds the complaint already
 * opened and only takes the entry off. A crash between the two leaves the entry for the next run.
 */
export async function fileCallbackDisputes(
  deps: FileCallbackDisputesDeps,
): Promise<{ pending: number; filed: number; failed: number }> {
  const disputes = deps.repositories.callbackBookings;
  const entries = await disputes.listPendingDisputes(DISPUTE_PAGE);
  let filed = 0;
  const { failed } = await drainOutbox(entries, {
    deliver: async (entry) => {
      const key = disputeSourceKey(entry);
      let complaintId = await deps.repositories.complaints.getBySource(key);
      for (let attempt = 0; !complaintId && attempt < 3; attempt++) {
        const opened = await openDisputeComplaint(deps, entry);
        if (await deps.repositories.complaints.create(opened.complaint, opened.event, key)) {
          complaintId = opened.complaint.complaintId;
          filed++;
        } else complaintId = await deps.repositories.complaints.getBySource(key);
      }
      if (!complaintId) throw new Error('complaint reference number not found free');
      await disputes.markDisputeFiled(entry, complaintId);
    },
    recordFailure: (entry, reason) => disputes.recordDisputeFailure(entry, reason),
    describe: (entry) => ({ policyNo: entry.policyNo, recordedAt: entry.recordedAt }),
    logger: deps.logger,
  });
  return { pending: entries.length, filed, failed };
}

async function openDisputeComplaint(deps: FileCallbackDisputesDeps, entry: CallbackDisputeEntry) {
  const [customer, policy, recorder] = await Promise.all([
    deps.repositories.customers.get(entry.customerId),
    deps.repositories.policies.get(entry.policyNo),
    deps.repositories.users.get(entry.recordedBy),
  ]);
  if (!customer || !policy) throw new Error(`customer or policy of ${entry.policyNo} missing`);
  const description = `新单回访问题件：${DISPUTES_SALE_LABEL}（疑似销售误导）。回访记录：${entry.note}`.slice(
    0,
    DESCRIPTION_MAX,
  );
  return newComplaint(
    deps,
    { sub: entry.recordedBy, role: 'staff', branchPath: entry.branchPath },
    customer,
    policy,
    { category: 'sales_misleading', description, policyNo: entry.policyNo, preferredContactTime: 'any' },
    { channel: 'callback', filedByName: recorder?.displayName ?? '回访坐席' },
  );
}
