import { DynamoHandoffStore } from '../assistant/adapters/handoffs';
import { createCallbackBookingRepository } from '../callback/wiring';
import { DynamoComplaintStore } from '../complaints/adapters/complaints';
import { createEndorsementRepositories } from '../endorsements/adapters/endorsements';
import { createIdentityVerificationStores } from '../identity/adapters/identity-verifications';
import { DynamoLetterStore } from '../letters/adapters/letters';
import { DynamoMessageStore } from '../notifications/adapters/messages';
import { defineWiring, type Platform } from '../platform/process';

/**
 * The home composes other contexts' queries: it carries only the stores those queries read
 * (policies, customers and products, applications, documents, callback bookings, letters, handoffs,
 * complaints, identity reviews and ID card checks, the message centre) — no sender, no signer.
 */
export function createHomeDeps(platform: Platform) {
  const { table } = platform;
  // Policies, customers and products, documents and applications: the endorsement engine's stores.
  const records = createEndorsementRepositories(table, platform.fieldCipher);
  const identity = createIdentityVerificationStores(table);
  return {
    ...platform,
    repositories: {
      ...records,
      callbackBookings: createCallbackBookingRepository(platform, records.policies),
      handoffs: new DynamoHandoffStore(table),
      complaints: new DynamoComplaintStore(table),
    },
    letters: new DynamoLetterStore(table),
    messages: new DynamoMessageStore(table),
    identityReviews: identity.reviews,
    identityUploads: identity.uploads,
  };
}
export type HomeContextDeps = ReturnType<typeof createHomeDeps>;

export const homeWiring = defineWiring(createHomeDeps);
