import { brand } from '@zhixiang/shared/brand';
import { S3DocumentFiles } from '../documents/adapters/document-files';
import { createRepaymentDebitResults } from '../payments/wiring-debits';
import type { Platform } from '../platform/process';
import { getS3 } from '../platform/s3/s3';
import { DynamoLetterStore, DynamoLetterSubscriptionStore } from './adapters/letters';
import { renderLetter } from './adapters/render-letter';
import type { ApplyDebitResultDeps } from './use-cases/apply-debit-result';
import type { IssueLetterDeps } from './use-cases/issue-letter';
import type { NotifyPremiumDeps } from './use-cases/notify-premium';
import type { RenewalRunDeps } from './use-cases/run-renewal-notices';
import type { LettersDeps } from './wiring';

/** The stores issuing a letter writes to: for another context's function that issues letters. */
export function letterIssuingStores(platform: Platform) {
  return {
    letters: new DynamoLetterStore(platform.table),
    letterSubscriptions: new DynamoLetterSubscriptionStore(platform.table),
    documentFiles: new S3DocumentFiles(getS3, platform.config.bucketName),
  };
}

/**
 * The functions that issue letters (renewal notices, debit results, endorsement confirmations):
 * only these carry the PDF renderer (pdf-lib, fontkit and the font).
 */
export function issueLetterDeps(
  deps: Pick<LettersDeps, 'letters' | 'letterSubscriptions' | 'documentFiles' | 'now'>,
): IssueLetterDeps {
  return {
    letters: deps.letters,
    subscriptions: deps.letterSubscriptions,
    files: deps.documentFiles,
    render: (letter) => renderLetter(letter, brand),
    brand,
    now: deps.now,
  };
}

/** What sending a renewal notice (letter + message on the customer's channels) needs. */
export function notifyPremiumDeps(deps: LettersDeps): NotifyPremiumDeps {
  return {
    customers: deps.repositories.customers,
    users: deps.repositories.users,
    products: deps.repositories.products,
    credits: deps.subscribeCredits,
    wechat: deps.subscribeMessages,
    sms: deps.sms,
    notices: deps.notices,
    messages: deps.messages,
    letters: deps.letters,
    links: deps.letterLinks,
    logger: deps.logger,
    now: deps.now,
    letterDeps: issueLetterDeps(deps),
  };
}

/**
 * The hourly renewal-notice run, and the notice outbox (a debit result's delivery, the retry job):
 * the same dependencies.
 */
export function renewalRunDeps(deps: LettersDeps): RenewalRunDeps {
  return {
    policies: deps.repositories.policies,
    notices: deps.notices,
    index: deps.notifyOn,
    now: deps.now,
    logger: deps.logger,
    notify: notifyPremiumDeps(deps),
    metrics: deps.metrics,
  };
}

/** A debit result: the policy, the notify-on index, and its notice delivered through the outbox (`outbox`). */
export function debitResultDeps(
  deps: LettersDeps,
  outbox: ApplyDebitResultDeps['outbox'] = renewalRunDeps(deps),
): ApplyDebitResultDeps {
  return {
    policies: deps.repositories.policies,
    notices: deps.notices,
    index: deps.notifyOn,
    notify: outbox.notify,
    outbox,
  };
}

const repaymentDebits = new WeakMap<object, ReturnType<typeof createRepaymentDebitResults>>();

/**
 * A repayment debit's result on the same route (the body carries the debit instruction's
 * reference): applied by payments through the endorsement engine, built once per process.
 */
export function repaymentDebitResults(deps: LettersDeps): ReturnType<typeof createRepaymentDebitResults> {
  let built = repaymentDebits.get(deps.table);
  if (!built) {
    built = createRepaymentDebitResults(deps);
    repaymentDebits.set(deps.table, built);
  }
  return built;
}
