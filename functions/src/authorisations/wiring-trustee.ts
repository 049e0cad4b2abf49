import { rateLimitedPhoneCodes } from '../auth/wiring-phone-codes';
import { createAuthStores } from '../platform/auth-store/auth-store';
import { defineWiring, type Platform } from '../platform/process';
import { createSmsSender } from '../platform/sms/create-sms-sender';
import { createAuthorisationsDeps } from './wiring';

/**
 * A trustee binding an authorisation (sendTrusteeBindCode, bindTrustee, listTrusteeAuthorisations):
 * the authorisations plus the SMS codes to the trustee's recorded phone, kept apart so the other
 * authorisation functions carry no SMS sender.
 */
export function createTrusteeDeps(platform: Platform) {
  const stores = createAuthStores(platform.table);
  const deps = createAuthorisationsDeps(platform);
  return {
    ...deps,
    phoneCodes: rateLimitedPhoneCodes({
      rateLimiter: stores.rateLimiter,
      oneTimeCodes: stores.oneTimeCodes,
      sms: createSmsSender(platform),
      secrets: platform.secrets,
      now: platform.now,
    }),
  };
}

export const trusteeWiring = defineWiring(createTrusteeDeps);
