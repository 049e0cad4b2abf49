import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHandoffMessage } from '../../src/assistant/use-cases/send-handoff-message';
import { loadConfig } from '../../src/platform/config';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Outside service hours (here: none at all) a handoff is a message (留言): the customer writes, staff
 * answer later, the first answer sends one SMS, and the 客服 tab finds the answer on the next visit.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests read success and error bodies from the same response
type Body = any;

const NEVER_STAFFED = JSON.stringify({ timeZone: 'Asia/Shanghai', daily: null, weekdays: {} });

let container: System;
let gateway: TestGateway;
let api: ApiClient;
let handoffId: string;

async function as(userId: string) {
  const token = await accessTokenFor(container, userId);
  return {
    get: (path: string) => api.get<Body>(path, { token }),
    post: (path: string, body?: unknown) => api.post<Body>(path, body, { token }),
  };
}

async function outboxLines(): Promise<{ to: string; template: string; code: string }[]> {
  const text = await readFile(process.env.SMS_OUTBOX_FILE ?? '', 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

beforeAll(async () => {
  process.env.ASSISTANT_SERVICE_HOURS = NEVER_STAFFED;
  container = createSystem(loadConfig());
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
  delete process.env.ASSISTANT_SERVICE_HOURS;
});

describe('a handoff outside service hours', () => {
  it('becomes a message the customer leaves, with the service hours', async () => {
    const zhang = await as('demo-customer-c001');
    const chat = await zhang.post('/assistant/messages', { text: '我要转人工' });
    handoffId = chat.body.conversationId;
    const handoff = await zhang.post('/assistant/handoffs', { conversationId: handoffId });
    expect(handoff.status, handoff.text).toBe(201);
    expect(handoff.body).toMatchObject({ mode: 'message', status: 'queued', serviceHours: '仅以下时间' });
    expect(
      (await zhang.post(`/assistant/handoffs/${handoffId}/messages`, { text: '想把红利改成现金领取' }))
        .status,
    ).toBe(201);
    const queue = await (await as('demo-staff-sh')).get('/staff/handoffs');
    expect(queue.body.handoffs.find((h: { handoffId: string }) => h.handoffId === handoffId)?.mode).toBe(
      'message',
    );
  });

  it('sends one SMS when staff answer, however many replies follow', async () => {
    const customer = await container.repositories.customers.get('C001');
    const before = (await outboxLines()).length;
    const staff = await as('demo-staff-sh');
    expect((await staff.post(`/staff/handoffs/${handoffId}/claim`)).status).toBe(200);
    await Promise.all(
      ['您好，已收到您的留言', '红利领取方式可在保单详情办理'].map(async (text) =>
        expect((await staff.post(`/assistant/handoffs/${handoffId}/messages`, { text })).status).toBe(201),
      ),
    );
    // The run's SMS outbox is shared by the files running beside this one (their sign-in codes, their
    // notices): read this customer's handoff texts.
    const sent = (await outboxLines())
      .slice(before)
      .filter((line) => line.to === customer?.phone && line.template.startsWith('handoff'));
    expect(sent).toEqual([
      expect.objectContaining({
        to: customer?.phone,
        template: 'handoff_reply',
        code: expect.stringMatching(/\d{2}:\d{2}/),
      }),
    ]);
  });

  it('is found again on the customer’s next visit, with the seq of the answer', async () => {
    const latest = await (await as('demo-customer-c001')).get('/assistant/handoffs/latest');
    expect(latest.status).toBe(200);
    expect(latest.body.handoff).toMatchObject({ handoffId, mode: 'message', status: 'claimed', lastSeq: 3 });
    expect((await (await as('demo-customer-c011')).get('/assistant/handoffs/latest')).body).toEqual({
      handoff: null,
    });
  });

  it('keeps the answer and tries the SMS again on the next reply when sending failed', async () => {
    const zhang = await as('demo-customer-c001');
    const chat = await zhang.post('/assistant/messages', { text: '我要投诉' });
    const second = chat.body.conversationId;
    await zhang.post('/assistant/handoffs', { conversationId: second });
    const staffClaims = {
      sub: 'demo-staff-sh',
      role: 'staff' as const,
      branchPath: (await container.repositories.users.get('demo-staff-sh'))?.branchPath ?? '',
    };
    await container.repositories.handoffs.claim(second, 'demo-staff-sh', '钱进');
    const failing = {
      ...container,
      sms: { send: async () => Promise.reject(new Error('SMS gateway down')) },
    };
    const reply = await sendHandoffMessage(failing, staffClaims, second, '您好');
    expect(reply.seq).toBe(1);
    const phone = (await container.repositories.customers.get('C001'))?.phone;
    const before = (await outboxLines()).length;
    await sendHandoffMessage(container, staffClaims, second, '请问还在吗');
    const sent = (await outboxLines())
      .slice(before)
      .filter((line) => line.to === phone && line.template.startsWith('handoff'));
    expect(sent.map((l) => l.template)).toEqual(['handoff_reply']);
  });
});
