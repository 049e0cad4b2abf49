import type { Logger } from '@aws-lambda-powertools/logger';
import { matterLabel } from '@zhixiang/shared/authorisations/power-of-attorney';
import { APPEAL_WINDOW_DAYS } from '@zhixiang/shared/authorisations/schemas';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { AuthorisationStore, DecisionLetterEntry } from '@zhixiang/shared/ports/authorisations';
import type {
  CustomerRepository,
  PolicyRepository,
  ProductRepository,
} from '@zhixiang/shared/ports/repositories';
import { redactText } from '@zhixiang/shared/privacy/mask';
import { type IssueLetterDeps, issueLetter } from '../../letters/use-cases/issue-letter';
import { issueOutboxLetters } from '../../letters/use-cases/issue-outbox-letters';

/** Entries taken per run (the schedule runs every 5 minutes). */
export const DECISION_LETTER_PAGE = 100;

export interface DeliverAuthorisationLettersDeps {
  authorisations: Pick<
    AuthorisationStore,
    'get' | 'listPendingDecisionLetters' | 'markDecisionLetterIssued' | 'recordDecisionLetterFailure'
  >;
  customers: Pick<CustomerRepository, 'get'>;
  policies: Pick<PolicyRepository, 'get'>;
  products: Pick<ProductRepository, 'getCached'>;
  letterDeps: IssueLetterDeps;
  logger: Pick<Logger, 'info' | 'error'>;
  now: () => number;
}

/**
 * The consumer of the decision letters' outbox: for each decided authorisation, issues the
 * 录像授权审核结果通知书 into the customer's 我的信函 — approved with its scope, or rejected with the
 * reviewer's reason and the appeal window — then takes the entry off the pending index. The letter
 * is idempotent per authorisation (its source key, dated at the decision), so a retry issues one
 * letter (`issueOutboxLetters`).
 */
export async function deliverAuthorisationLetters(deps: DeliverAuthorisationLettersDeps) {
  return issueOutboxLetters({
    entries: await deps.authorisations.listPendingDecisionLetters(DECISION_LETTER_PAGE),
    issue: (entry) => issueDecisionLetter(deps, entry),
    markIssued: (entry, letterId) =>
      deps.authorisations.markDecisionLetterIssued(entry.authorisationId, letterId, deps.now()),
    recordFailure: (entry, reason) =>
      deps.authorisations.recordDecisionLetterFailure(entry.authorisationId, reason),
    describe: (entry) => ({ authorisationId: entry.authorisationId }),
    logger: deps.logger,
  });
}

async function issueDecisionLetter(deps: DeliverAuthorisationLettersDeps, entry: DecisionLetterEntry) {
  const [record, customer] = await Promise.all([
    deps.authorisations.get(entry.authorisationId),
    deps.customers.get(entry.customerId),
  ]);
  if (!record) throw new Error(`authorisation ${entry.authorisationId} not found`);
  if (!customer)
    throw new Error(`customer ${entry.customerId} of authorisation ${entry.authorisationId} not found`);
  const [firstPolicyNo = ''] = record.poa.policyNos;
  const policy = await deps.policies.get(firstPolicyNo);
  const product = policy ? await deps.products.getCached(policy.productCode) : null;
  const decidedAtMs = Date.parse(entry.decidedAt);
  return issueLetter(deps.letterDeps, {
    customerId: entry.customerId,
    policyNo: firstPolicyNo,
    letterType: 'authorisation_decision',
    sourceKey: `authorisation.decided:${entry.authorisationId}`,
    // Dated at the decision: a retry on another day finds the letter of the first attempt.
    issuedAt: decidedAtMs,
    facts: {
      holderName: customer.name,
      policyNo: record.poa.policyNos.join('、'),
      productName: product?.name ?? policy?.productCode ?? '—',
      authorisationId: record.authorisationId,
      authorisationApproved: record.status !== 'rejected',
      trusteeName: record.poa.trustee.name,
      matterNames: record.poa.matters.map(matterLabel).join('、'),
      validUntil: record.poa.validUntil,
      // The reviewer's words, with any ID or phone number typed into them redacted.
      decision: redactText(record.rejectionReason ?? ''),
      decidedDate: todayInShanghai(new Date(decidedAtMs)),
      appealWindowDays: APPEAL_WINDOW_DAYS,
    },
  });
}
