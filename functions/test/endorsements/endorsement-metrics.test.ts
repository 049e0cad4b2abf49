import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/platform/logging/logger';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, createApiClient } from '../support/api-client';
import { type RecordingMetrics, recordingMetrics } from '../support/recording-metrics';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { demoPolicyNo, endorsementSteps } from './endorsement-steps';
import { signedDrafts } from './signed-drafts';

/**
 * Endorsement submissions are a business metric: a submission counts once, also when the app
 * sends its Idempotency-Key again, and a refused one not at all.
 */
const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');
let metrics: RecordingMetrics;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const steps = endorsementSteps(
  () => container,
  () => api,
);

beforeAll(async () => {
  metrics = recordingMetrics();
  gateway = await startTestGateway({
    system: () => createSystem(loadConfig(), { metrics, logger: createLogger({ logLevel: 'SILENT' }) }),
  });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('the EndorsementSubmitted metric', () => {
  it('counts a loan submitted with one Idempotency-Key five times once, and its refused resubmission not at all', async () => {
    const [id = ''] = await signedDrafts(
      container,
      'demo-customer-c001',
      ZHANG_PL01,
      { type: 'policy_loan', amountCents: 500_000 },
      1,
    );
    metrics.reset();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => steps.submit('demo-customer-c001', id, {}, key)),
    );
    expect(results.map((r) => r.status)).toContain(200);
    expect(metrics.counted('EndorsementSubmitted')).toBe(1);
    expect(metrics.flushes()).toBe(5);

    const again = await steps.submit('demo-customer-c001', id, {}, randomUUID());
    expect(again.status).toBe(409);
    expect(metrics.counted('EndorsementSubmitted')).toBe(1);
  });
});
