import { createIdentityProofs } from '../identity/wiring-proofs';
import { createAuthStores } from '../platform/auth-store/auth-store';
import { defineWiring, type Platform } from '../platform/process';
import { createCallbackDeps } from './wiring';

/**
 * The online self-callback (sendOnlineCallbackCode, submitOnlineCallback): the callback's
 * dependencies plus the SMS codes, their rate limits and the identity proofs, kept apart so the
 * identity context's verification records stay out of the other callback bundles.
 */
export function createOnlineCallbackDeps(platform: Platform) {
  const stores = createAuthStores(platform.table);
  return {
    ...createCallbackDeps(platform),
    rateLimiter: stores.rateLimiter,
    oneTimeCodes: stores.oneTimeCodes,
    identityProofs: createIdentityProofs(platform),
  };
}

export const onlineCallbackWiring = defineWiring(createOnlineCallbackDeps);
