import { AppError } from '@zhixiang/shared/errors';
import { consumeOneTimeCode, issueOneTimeCode } from '../auth/use-cases/identity-binding';
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
    phoneCodes: {
      send: async (input) => {
        const now = deps.now();
        const decision = await deps.rateLimiter.consume(
          [
            { key: `${input.subject}:minute`, limit: 1, windowSeconds: 60 },
            { key: `${input.subject}:hour`, limit: 5, windowSeconds: 3600 },
          ],
          now,
        );
        if (!decision.allowed)
          throw new AppError('RATE_LIMITED', '获取验证码过于频繁，请稍后再试', {
            retryAfterSeconds: decision.retryAfterSeconds,
          });
        await issueOneTimeCode(deps, { ...input, phoneIndex: '', now });
      },
      consume: (subject, code, field) => consumeOneTimeCode(deps, subject, code, field),
    },
    idempotency: deps.submissionIdempotency,
    metrics: deps.metrics,
    payoutSandbox: deps.config.finance.provider === 'sandbox',
    debitSandbox: deps.config.billing.provider === 'sandbox',
    now: deps.now,
  };
}
