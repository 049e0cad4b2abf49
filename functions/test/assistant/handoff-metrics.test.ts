import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/platform/logging/logger';
import { createSystem } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { type RecordingMetrics, recordingMetrics } from '../support/recording-metrics';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** The HandoffsWaiting gauge follows the company-wide queue: up when customers ask, down when taken or withdrawn. */
let metrics: RecordingMetrics;
let gateway: TestGateway;
let api: ApiClient;

async function as(userId: string) {
  const token = await accessTokenFor(gateway.system, userId);
  return {
    post: (path: string, body?: unknown) => api.post<{ conversationId: string }>(path, body, { token }),
  };
}

async function askForAPerson(userId: string): Promise<string> {
  const customer = await as(userId);
  const chat = await customer.post('/assistant/messages', { text: '我要转人工' });
  expect(chat.status, chat.text).toBe(200);
  const handoff = await customer.post('/assistant/handoffs', { conversationId: chat.body.conversationId });
  expect(handoff.status, handoff.text).toBe(201);
  return chat.body.conversationId;
}

beforeAll(async () => {
  metrics = recordingMetrics();
  gateway = await startTestGateway({
    system: () => createSystem(loadConfig(), { metrics, logger: createLogger({ logLevel: 'SILENT' }) }),
  });
  await seedDemoDataOnce({ repositories: gateway.system.repositories });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('the HandoffsWaiting metric', () => {
  it('is sampled when a customer joins the queue, when staff take one and when a customer withdraws', async () => {
    const first = await askForAPerson('demo-customer-c001');
    const second = await askForAPerson('demo-customer-c005');
    expect(metrics.gauged('HandoffsWaiting')).toEqual([1, 2]);

    const claimed = await (await as('demo-staff-hq')).post(`/staff/handoffs/${first}/claim`);
    expect(claimed.status, claimed.text).toBe(200);
    expect(metrics.gauged('HandoffsWaiting').at(-1)).toBe(1);

    const withdrawn = await (await as('demo-customer-c005')).post(`/assistant/handoffs/${second}/withdraw`);
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(metrics.gauged('HandoffsWaiting').at(-1)).toBe(0);
  });
});
