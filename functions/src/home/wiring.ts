import { DynamoHandoffStore } from '../assistant/adapters/handoffs';
import { createCallbackBookingRepository } from '../callback/wiring';
import { createDocumentRepository } from '../documents/adapters/documents';
import { DynamoLetterStore } from '../letters/adapters/letters';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';

/**
 * The home composes other contexts' queries: it carries only the stores those queries read
 * (policies and products, callback bookings, documents, letters, handoffs) — no sender, no signer.
 */
export function createHomeDeps(platform: Platform) {
  const { table } = platform;
  const records = createRecordRepositories(table, platform.fieldCipher);
  return {
    ...platform,
    repositories: {
      ...records,
      callbackBookings: createCallbackBookingRepository(platform, records.policies),
      documents: createDocumentRepository(table),
      handoffs: new DynamoHandoffStore(table),
    },
    letters: new DynamoLetterStore(table),
  };
}
export type HomeContextDeps = ReturnType<typeof createHomeDeps>;

export const homeWiring = defineWiring(createHomeDeps);
