import type { Logger } from '@aws-lambda-powertools/logger';
import { shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import { COMPLAINT_CATEGORIES } from '@zhixiang/shared/complaints/classification';
import { REOPEN_WINDOW_DAYS } from '@zhixiang/shared/complaints/schemas';
import type { ComplaintStore, DecisionLetterEntry } from '@zhixiang/shared/ports/complaints';
import type {
  CustomerRepository,
  PolicyRepository,
  ProductRepository,
} from '@zhixiang/shared/ports/repositories';
import { redactText } from '@zhixiang/shared/privacy/mask';
import { type IssueLetterDeps, issueLetter } from '../../letters/use-cases/issue-letter';
import { issueOutboxLetters, type LetterOutboxReport } from '../../letters/use-cases/issue-outbox-letters';

/** Entries taken per run (the schedule runs every 5 minutes; locally every minute). */
export const DECISION_LETTER_PAGE = 100;

export interface DeliverDecisionLettersDeps {
  complaints: Pick<
    ComplaintStore,
    'listPendingDecisionLetters' | 'markDecisionLetterIssued' | 'recordDecisionLetterFailure'
  >;
  customers: Pick<CustomerRepository, 'get'>;
  policies: Pick<PolicyRepository, 'get'>;
  products: Pick<ProductRepository, 'getCached'>;
  letterDeps: IssueLetterDeps;
  logger: Pick<Logger, 'info' | 'error'>;
  now: () => number;
}

export type DecisionLetterReport = LetterOutboxReport;

/**
 * The consumer of the decision letters' outbox: for each decided complaint whose letter is pending,
 * issues the 投诉处理决定书 into the complainant's 我的信函 (the decision and every way on: 重新提出,
 * 调解, 仲裁, 诉讼), then takes the entry off the pending index with a conditional write. The letter
 * is idempotent per complaint (its source key, dated at the decision), so two consumers, or a retry
 * after a crash between the two steps, issue one letter (`issueOutboxLetters`).
 */
export async function deliverDecisionLetters(
  deps: DeliverDecisionLettersDeps,
): Promise<DecisionLetterReport> {
  return issueOutboxLetters({
    entries: await deps.complaints.listPendingDecisionLetters(DECISION_LETTER_PAGE),
    issue: (entry) => issueDecisionLetter(deps, entry),
    markIssued: (entry, letterId) =>
      deps.complaints.markDecisionLetterIssued(entry.complaintId, letterId, deps.now()),
    recordFailure: (entry, reason) => deps.complaints.recordDecisionLetterFailure(entry.complaintId, reason),
    describe: (entry) => ({ complaintId: entry.complaintId }),
    logger: deps.logger,
  });
}

async function issueDecisionLetter(deps: DeliverDecisionLettersDeps, entry: DecisionLetterEntry) {
  const [customer, policy] = await Promise.all([
    deps.customers.get(entry.customerId),
    deps.policies.get(entry.policyNo),
  ]);
  if (!customer) throw new Error(`customer ${entry.customerId} of complaint ${entry.complaintId} not found`);
  if (!policy) throw new Error(`policy ${entry.policyNo} of complaint ${entry.complaintId} not found`);
  const product = await deps.products.getCached(policy.productCode);
  const decidedAtMs = Date.parse(entry.decidedAt);
  return issueLetter(deps.letterDeps, {
    customerId: entry.customerId,
    policyNo: entry.policyNo,
    letterType: 'complaint_decision',
    sourceKey: `complaint.decided:${entry.complaintId}`,
    // Dated at the decision: a retry on another day finds the letter of the first attempt.
    issuedAt: decidedAtMs,
    facts: {
      holderName: customer.name,
      policyNo: entry.policyNo,
      productName: product?.name ?? policy.productCode,
      complaintId: entry.complaintId,
      complaintCategory: COMPLAINT_CATEGORIES[entry.category],
      // The handler's words, with any ID or phone number typed into them redacted.
      decision: redactText(entry.decision),
      receivedDate: shanghaiDate(Date.parse(entry.receivedAt)),
      decidedDate: shanghaiDate(decidedAtMs),
      reopenWindowDays: REOPEN_WINDOW_DAYS,
    },
  });
}
