import { createAssistantDeps } from './assistant/wiring';
import { createAuthDemoDeps } from './auth/wiring-demo';
import { createAuthorisationsDeps } from './authorisations/wiring';
import { createOnlineCallbackDeps } from './callback/wiring-online';
import { createComplaintsDeps } from './complaints/wiring';
import { insurerSigningKey, insurerTrustedCas } from './documents/adapters/signing/insurer-signing-key';
import { createDocumentsDeps } from './documents/wiring';
import { documentPdf } from './documents/wiring-signing';
import { createEndorsementsDeps } from './endorsements/wiring';
import { createEventsDeps } from './events/wiring';
import { createIdentityDeps } from './identity/wiring';
import { createIdentityProofs } from './identity/wiring-proofs';
import { createIvrDeps } from './ivr/wiring';
import { createLettersDeps } from './letters/wiring';
import { createNotifier } from './notifications/use-cases/notify';
import { createNotificationsDeps } from './notifications/wiring';
import { notifierDeps } from './notifications/wiring-sending';
import { createPaymentsDeps } from './payments/wiring';
import type { Config } from './platform/config';
import { createPlatform, type Platform, replaceProcessWiring } from './platform/process';
import { createPoliciesDeps } from './policies/wiring';
import { createProductsDeps } from './products/wiring';
import { createRatingsDeps } from './ratings/wiring';
import { createStandardsDeps } from './standards/wiring';
import { createVoiceDeps } from './voice/wiring';

/**
 * The whole system in one object: every context's dependencies over one platform. The admin CLI,
 * the seed, the local stage, tests and benchmarks use it; no Lambda function imports it (the
 * layer rules check that), each function wires only its own context (functions/src/<context>/wiring.ts).
 */
function buildSystem(platform: Platform) {
  const auth = createAuthDemoDeps(platform);
  const policies = createPoliciesDeps(platform);
  const products = createProductsDeps(platform);
  const callback = createOnlineCallbackDeps(platform);
  const identity = createIdentityDeps(platform);
  const documents = createDocumentsDeps(platform);
  const assistant = createAssistantDeps(platform);
  const ivr = createIvrDeps(platform);
  const endorsements = createEndorsementsDeps(platform);
  const letters = createLettersDeps(platform);
  const complaints = createComplaintsDeps(platform);
  const payments = createPaymentsDeps(platform);
  const events = createEventsDeps(platform);
  const voice = createVoiceDeps(platform);
  const authorisations = createAuthorisationsDeps(platform);
  const standards = createStandardsDeps(platform);
  const notifications = createNotificationsDeps(platform);
  const ratings = createRatingsDeps(platform);
  return {
    ...auth,
    ...policies,
    ...products,
    ...callback,
    ...identity,
    ...documents,
    ...assistant,
    ...ivr,
    ...endorsements,
    ...letters,
    ...complaints,
    ...payments,
    ...events,
    ...voice,
    ...authorisations,
    ...standards,
    ...notifications,
    ...ratings,
    repositories: {
      ...auth.repositories,
      ...policies.repositories,
      ...products.repositories,
      ...callback.repositories,
      ...identity.repositories,
      ...documents.repositories,
      ...assistant.repositories,
      ...ivr.repositories,
      ...endorsements.repositories,
      ...letters.repositories,
      ...complaints.repositories,
      ...events.repositories,
      ...voice.repositories,
      ...authorisations.repositories,
      ...standards.repositories,
      // Only its own store: the stores it reads are the owning contexts' (the endorsements' with its idempotency).
      ratings: ratings.repositories.ratings,
    },
    identityProofs: createIdentityProofs(platform),
    notifier: createNotifier(notifierDeps(platform, letters.repositories)),
    signingKey: insurerSigningKey(platform.config),
    trustedCas: insurerTrustedCas(platform.config),
    pdf: documentPdf,
  };
}

export type System = ReturnType<typeof buildSystem>;

export function createSystem(config?: Config, overrides: Partial<System> = {}): System {
  const system = buildSystem(createPlatform(config, overrides));
  return { ...system, ...overrides, repositories: { ...system.repositories, ...overrides.repositories } };
}

let current: System | undefined;

/** The process's whole system, built on first use from the environment. */
export function getSystem(): System {
  current ??= createSystem();
  return current;
}

/**
 * Serves every context's handlers from this system (its clock, its fakes), or, given undefined,
 * lets them rebuild from the environment on next use.
 */
export function setSystem(system: System | undefined): void {
  current = system;
  replaceProcessWiring(system);
}
