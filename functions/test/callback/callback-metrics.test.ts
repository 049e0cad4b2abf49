import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/platform/logging/logger';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, createApiClient } from '../support/api-client';
import { type RecordingMetrics, recordingMetrics } from '../support/recording-metrics';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** Callback bookings are a business metric: one booking counts once, a refused one not at all. */
const data = buildDemoData('2026-11-25');
const POLICY = data.policies.find((p) => p.holderId === 'C001' && p.effectiveDate > '2026-11-01')!.policyNo;

let metrics: RecordingMetrics;
let gateway: TestGateway;
let api: ApiClient;
let token: string;

beforeAll(async () => {
  metrics = recordingMetrics();
  gateway = await startTestGateway({
    system: () => createSystem(loadConfig(), { metrics, logger: createLogger({ logLevel: 'SILENT' }) }),
  });
  const system: System = gateway.system;
  await seedDemoDataOnce({ repositories: system.repositories });
  api = createApiClient(gateway.url);
  const user = await system.repositories.users.get('demo-customer-c001');
  token = (await system.accessTokens.issue(claimsFor(user!))).token;
});

afterAll(async () => {
  await gateway?.close();
});

describe('the CallbackBooked metric', () => {
  it('counts a booking once, and a refused second booking not at all; every request flushes once', async () => {
    const slots = await api.request<{ slots: { slotId: string }[] }>(
      'GET',
      `/policies/${POLICY}/callback/slots`,
      {
        token,
      },
    );
    expect(slots.status, slots.text).toBe(200);
    const [first, second] = slots.body.slots;
    metrics.reset();

    const booked = await api.request('POST', `/policies/${POLICY}/callback`, {
      token,
      body: { slotId: first?.slotId },
    });
    expect(booked.status, booked.text).toBe(201);
    expect(metrics.counted('CallbackBooked')).toBe(1);
    expect(metrics.flushes()).toBe(1);

    const again = await api.request('POST', `/policies/${POLICY}/callback`, {
      token,
      body: { slotId: second?.slotId },
    });
    expect(again.status).toBe(409);
    expect(metrics.counted('CallbackBooked')).toBe(1);
    expect(metrics.flushes()).toBe(2);
  });
});
