import { createCallbackBookingRepository } from '../callback/wiring';
import { createAuthStores } from '../platform/auth-store/auth-store';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { DynamoIvrCallStore } from './adapters/ivr-calls';

export function createIvrDeps(platform: Platform) {
  const { table } = platform;
  const stores = createAuthStores(table);
  const records = createRecordRepositories(table, platform.fieldCipher);
  return {
    ...platform,
    repositories: {
      ...records,
      callbackBookings: createCallbackBookingRepository(platform, records.policies),
      ivrCalls: new DynamoIvrCallStore(table),
    },
    rateLimiter: stores.rateLimiter,
    lockouts: stores.lockouts,
  };
}
export type IvrDeps = ReturnType<typeof createIvrDeps>;

export const ivrWiring = defineWiring(createIvrDeps);
