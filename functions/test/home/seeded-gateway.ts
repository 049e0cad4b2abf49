import { afterAll, beforeAll } from 'vitest';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway } from '../support/test-gateway';

/**
 * The homes' tests: the gateway on the fixed clock over the demo data seeded for that day,
 * started before the file's tests and closed after them.
 */
export function useSeededGateway(): { readonly system: System; readonly api: ApiClient } {
  let started: { system: System; api: ApiClient; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    const gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
    await seedDemoDataOnce({ repositories: gateway.system.repositories, today: FIXED_TODAY });
    started = { system: gateway.system, api: createApiClient(gateway.url), close: () => gateway.close() };
  });
  afterAll(async () => {
    await started?.close();
  });
  const get = () => {
    if (!started) throw new Error('the seeded gateway is used outside its tests');
    return started;
  };
  return {
    get system() {
      return get().system;
    },
    get api() {
      return get().api;
    },
  };
}
