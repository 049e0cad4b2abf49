import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * The assistant hands over by itself: a complaint in anger at once, and a second miss in a row —
 * for customers with a bound identity; others keep the buttons.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests read success and error bodies from the same response
type Body = any;

let container: System;
let gateway: TestGateway;
let api: ApiClient;

async function say(userId: string | null, text: string, conversationId?: string) {
  const token = userId ? await accessTokenFor(container, userId) : undefined;
  return api.post<Body>(
    '/assistant/messages',
    { text, ...(conversationId ? { conversationId } : {}) },
    token ? { token } : {},
  );
}

beforeAll(async () => {
  // Staffed around the clock, and a clock inside those hours: the outcome does not depend on when
  // the test runs.
  process.env.ASSISTANT_SERVICE_HOURS = JSON.stringify({
    timeZone: 'Asia/Shanghai',
    daily: { open: '00:00', close: '23:59' },
  });
  gateway = await startTestGateway({ system: () => createSystem(loadConfig(), { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
  delete process.env.ASSISTANT_SERVICE_HOURS;
});

describe('automatic handoff', () => {
  it('takes an angry complaint to a person at once, with the message in the transcript', async () => {
    const reply = await say('demo-customer-c001', '我要投诉！理赔拖了三个月，你们就是骗子😡');
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.intent).toBe('complaint');
    expect(reply.body.handoff).toMatchObject({ handoffId: reply.body.conversationId, mode: 'live' });
    expect(reply.body.text[0]).toMatch(/^非常抱歉给您带来了不好的体验。已为您转接人工客服/);
    // 我要投诉 stays beside the handoff: it files the complaint with this conversation attached.
    expect(reply.body.buttons.map((b: { action: { flow?: string } }) => b.action.flow)).toContain(
      'file_complaint',
    );
    const queue = await api.get<Body>('/staff/handoffs', {
      token: await accessTokenFor(container, 'demo-staff-sh'),
    });
    const handoff = queue.body.handoffs.find(
      (h: { handoffId: string }) => h.handoffId === reply.body.conversationId,
    );
    expect(handoff).toMatchObject({ intent: 'complaint', status: 'queued' });
    expect(handoff.transcript.map((t: { text: string }) => t.text)).toEqual([
      expect.stringContaining('骗子'),
    ]);
  });

  it('answers a calm complaint from the knowledge base, without a handoff', async () => {
    const reply = await say('demo-customer-c001', '我想投诉一下业务员的服务态度');
    expect(reply.body.intent).toBe('complaint');
    expect(reply.body.handoff).toBeUndefined();
  });

  it('hands over on the second miss in a row, not the first', async () => {
    const first = await say('demo-customer-c011', '今天天气怎么样');
    expect(first.body.kind).toMatch(/out_of_scope|clarify/);
    expect(first.body.handoff).toBeUndefined();
    const second = await say('demo-customer-c011', '推荐一部好看的电影', first.body.conversationId);
    expect(second.body.kind).toMatch(/out_of_scope|clarify/);
    expect(second.body.handoff).toMatchObject({ handoffId: first.body.conversationId, mode: 'live' });
    expect(second.body.text).toEqual([
      expect.stringMatching(/^抱歉，我没能理解您的问题。已为您转接人工客服/),
    ]);
  });

  it('leaves signed-out visitors and staff with the buttons: nobody verified to hand over', async () => {
    const visitor = await say(null, '你们就是骗子😡');
    expect(visitor.body.handoff).toBeUndefined();
    const staff = await say('demo-staff-sh', '你们就是骗子😡');
    expect(staff.body.handoff).toBeUndefined();
  });
});
