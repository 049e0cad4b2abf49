import { rateLimitedPhoneCodes } from '../auth/wiring-phone-codes';
import { createAuthStores } from '../platform/auth-store/auth-store';
import { defineWiring, type Platform } from '../platform/process';
import { createSmsSender } from '../platform/sms/create-sms-sender';
import type { TrusteeDeps } from './use-cases/bind-trustee';
import { createAuthorisationsDeps } from './wiring';

/**
 * A trustee binding an authorisation (sendTrusteeBindCode, bindTrustee): the authorisations plus
 * the one-time codes, their rate limits and the SMS sender for the code to the trustee's recorded
 * phone, kept apart so the other authorisation functions carry no SMS sender.
 */
export function createTrusteeDeps(platform: Platform) {
  const stores = createAuthStores(platform.table);
  return {
    ...createAuthorisationsDeps(platform),
    rateLimiter: stores.rateLimiter,
    oneTimeCodes: stores.oneTimeCodes,
    sms: createSmsSender(platform),
  };
}
export type TrusteeWiringDeps = ReturnType<typeof createTrusteeDeps>;

export const trusteeWiring = defineWiring(createTrusteeDeps);

/** What the binding use cases take: the code goes out rate-limited through the SMS port. */
export function trusteeDeps(
  deps: Pick<TrusteeWiringDeps, 'repositories' | 'rateLimiter' | 'oneTimeCodes' | 'sms' | 'secrets' | 'now'>,
): TrusteeDeps {
  return { repositories: deps.repositories, now: deps.now, phoneCodes: rateLimitedPhoneCodes(deps) };
}
