import { rateLimitedPhoneCodes } from '../auth/wiring-phone-codes';
import { createIdentityProofs } from '../identity/wiring-proofs';
import { createAuthStores } from '../platform/auth-store/auth-store';
import { defineWiring, type Platform } from '../platform/process';
import { createSmsSender } from '../platform/sms/create-sms-sender';
import { createEndorsementRepositories } from './adapters/endorsements';
import { SubmissionIdempotency } from './adapters/submission-idempotency';
import type { EndorsementDeps } from './use-cases/endorsement-deps';

/** Endorsements (保全): the applications, their documents, and what a submission checks. */
export function createEndorsementsDeps(platform: Platform) {
  const { table, fieldCipher } = platform;
  const stores = createAuthStores(table);
  // Financial submissions run at most once per Idempotency-Key: the record is an item of the
  // submission's own transaction, on the one table.
  const submissionIdempotency = new SubmissionIdempotency(table, 'endorsement-submit');
  return {
    ...platform,
    repositories: createEndorsementRepositories(table, fieldCipher, submissionIdempotency),
    identityProofs: createIdentityProofs(platform),
    rateLimiter: stores.rateLimiter,
    oneTimeCodes: stores.oneTimeCodes,
    sms: createSmsSender(platform),
    submissionIdempotency,
  };
}
export type EndorsementsDeps = ReturnType<typeof createEndorsementsDeps>;

export const endorsementsWiring = defineWiring(createEndorsementsDeps);

/** What the endorsement use cases take: a contact change's new phone gets a one-time code by SMS. */
export function endorsementDeps(
  deps: Pick<
    EndorsementsDeps,
    | 'repositories'
    | 'identityProofs'
    | 'rateLimiter'
    | 'oneTimeCodes'
    | 'sms'
    | 'secrets'
    | 'submissionIdempotency'
    | 'metrics'
    | 'config'
    | 'now'
  >,
): EndorsementDeps {
  return {
    repositories: deps.repositories,
    identityProofs: deps.identityProofs,
    phoneCodes: rateLimitedPhoneCodes(deps),
    idempotency: deps.submissionIdempotency,
    metrics: deps.metrics,
    payoutSandbox: deps.config.finance.provider === 'sandbox',
    debitSandbox: deps.config.billing.provider === 'sandbox',
    now: deps.now,
  };
}
