import { HandoffSchema } from '@zhixiang/shared/assistant/handoff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** 转人工 through the real gateway: queue of the customer's branch, claim, chat by polling, close. */
// biome-ignore lint/suspicious/noExplicitAny: tests read success and error bodies from the same response
type Body = any;

let container: System;
let gateway: TestGateway;
let api: ApiClient;

async function as(userId: string) {
  const token = await accessTokenFor(container, userId);
  return {
    get: (path: string, query?: Record<string, string>) =>
      api.get<Body>(path, { token, ...(query ? { query } : {}) }),
    post: (path: string, body?: unknown) => api.post<Body>(path, body, { token }),
  };
}

let handoffId: string;

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
  const chat = await (await as('demo-customer-c001')).post('/assistant/messages', { text: '我要转人工' });
  expect(chat.status, chat.text).toBe(200);
  handoffId = chat.body.conversationId;
});

afterAll(async () => {
  await gateway?.close();
});

describe('a customer asks for a person', () => {
  it('puts the conversation in the queue with the transcript, the intent and the verified identity', async () => {
    const zhang = await as('demo-customer-c001');
    const first = await zhang.post('/assistant/handoffs', { conversationId: handoffId });
    expect(first.status, first.text).toBe(201);
    expect(HandoffSchema.safeParse(first.body).success).toBe(true);
    expect(first.body).toMatchObject({
      handoffId,
      status: 'queued',
      customerName: '张伟',
      identityVerified: true,
      intent: 'human_agent',
      transcript: [{ seq: 1, text: '我要转人工', intentName: '转人工客服' }],
    });
    const again = await zhang.post('/assistant/handoffs', { conversationId: handoffId });
    expect(again.body.handoffId).toBe(handoffId);
  });

  it('refuses someone else’s conversation and users without a bound identity', async () => {
    const other = await (await as('demo-customer-c011')).post('/assistant/handoffs', {
      conversationId: handoffId,
    });
    expect(other.status).toBe(404);
    const unbound = await (await as('demo-unbound')).post('/assistant/handoffs', {
      conversationId: handoffId,
    });
    expect(unbound.status).toBe(403);
    expect(unbound.body.message).toBe('请先完成身份绑定，再转人工客服');
  });

  it('shows the handoff to staff of the customer’s branch subtree only', async () => {
    for (const staff of ['demo-staff-sh', 'demo-staff-sh-pd-01', 'demo-staff-hq', 'demo-admin']) {
      const queue = await (await as(staff)).get('/staff/handoffs');
      expect(queue.status).toBe(200);
      expect(
        queue.body.handoffs.map((h: { handoffId: string }) => h.handoffId),
        staff,
      ).toContain(handoffId);
    }
    const beijing = await (await as('demo-staff-bj')).get('/staff/handoffs');
    expect(beijing.body.handoffs.map((h: { handoffId: string }) => h.handoffId)).not.toContain(handoffId);
    expect((await (await as('demo-staff-bj')).post(`/staff/handoffs/${handoffId}/claim`)).status).toBe(404);
  });
});

describe('waiting in the queue', () => {
  it('tells the waiting customer their place, and lets them go back to the assistant until someone takes it', async () => {
    const li = await as('demo-customer-c002');
    const liu = await as('demo-customer-c005');
    const open = async (who: Awaited<ReturnType<typeof as>>) => {
      const chat = await who.post('/assistant/messages', { text: '我要转人工' });
      const opened = await who.post('/assistant/handoffs', { conversationId: chat.body.conversationId });
      expect(opened.status, opened.text).toBe(201);
      return opened.body.handoffId as string;
    };
    const first = await open(li);
    const second = await open(liu);
    const place = async (who: Awaited<ReturnType<typeof as>>, id: string) =>
      (await who.get(`/assistant/handoffs/${id}/messages`)).body.queuedAhead as number | null;
    // Same branch (SH-PD-01), so the second waits behind the first.
    const ahead = (await place(li, first)) as number;
    expect(await place(liu, second)).toBe(ahead + 1);

    // Someone else's handoff cannot be withdrawn; the customer's own can, and it leaves the queue.
    expect((await liu.post(`/assistant/handoffs/${first}/withdraw`)).status).toBe(404);
    const back = await li.post(`/assistant/handoffs/${first}/withdraw`);
    expect(back.status, back.text).toBe(200);
    expect(back.body.status).toBe('closed');
    expect(await place(li, first)).toBeNull();
    expect(await place(liu, second)).toBe(ahead);
    const queue = await (await as('demo-staff-sh')).get('/staff/handoffs');
    expect(queue.body.handoffs.map((h: { handoffId: string }) => h.handoffId)).not.toContain(first);

    // Once staff have taken it, going back is theirs to close.
    expect((await (await as('demo-staff-sh')).post(`/staff/handoffs/${second}/claim`)).status).toBe(200);
    const late = await liu.post(`/assistant/handoffs/${second}/withdraw`);
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('客服已接入，请在对话中告诉客服您的问题已解决');
    expect(await place(liu, second)).toBeNull();
  });
});

describe('live chat by polling', () => {
  it('lets exactly one of two staff members claim it; only they may reply', async () => {
    const zhang = await as('demo-customer-c001');
    expect(
      (await zhang.post(`/assistant/handoffs/${handoffId}/messages`, { text: '我的保单贷款怎么办理' }))
        .status,
    ).toBe(201);
    const early = await (await as('demo-staff-sh')).post(`/assistant/handoffs/${handoffId}/messages`, {
      text: '您好',
    });
    expect(early.status).toBe(409);

    const claims = await Promise.all(
      ['demo-staff-sh', 'demo-staff-hq'].map(async (u) =>
        (await as(u)).post(`/staff/handoffs/${handoffId}/claim`),
      ),
    );
    expect(claims.map((c) => c.status).sort()).toEqual([200, 409]);
    const winner = claims[0]?.status === 200 ? 'demo-staff-sh' : 'demo-staff-hq';
    const loser = winner === 'demo-staff-sh' ? 'demo-staff-hq' : 'demo-staff-sh';

    const reply = await (await as(winner)).post(`/assistant/handoffs/${handoffId}/messages`, {
      text: '您好，我来帮您办理',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ seq: 2, from: 'staff' });
    expect(
      (await (await as(loser)).post(`/assistant/handoffs/${handoffId}/messages`, { text: '我也来' })).status,
    ).toBe(409);

    const all = await zhang.get(`/assistant/handoffs/${handoffId}/messages`, { after: '0' });
    expect(all.body.status).toBe('claimed');
    expect(all.body.messages.map((m: { seq: number; from: string }) => [m.seq, m.from])).toEqual([
      [1, 'customer'],
      [2, 'staff'],
    ]);
    // A client reconnecting from its last seq gets each message once.
    const since = await zhang.get(`/assistant/handoffs/${handoffId}/messages`, { after: '1' });
    expect(since.body.messages.map((m: { text: string }) => m.text)).toEqual(['您好，我来帮您办理']);
    expect(
      (await zhang.get(`/assistant/handoffs/${handoffId}/messages`, { after: '2' })).body.messages,
    ).toEqual([]);
    // Another customer cannot read it.
    expect(
      (await (await as('demo-customer-c011')).get(`/assistant/handoffs/${handoffId}/messages`)).status,
    ).toBe(404);
  });

  it('keeps a long chat in order: a client catching up after message 3 of 12 gets 4 to 12', async () => {
    const zhang = await as('demo-customer-c001');
    const before = (await zhang.get(`/assistant/handoffs/${handoffId}/messages`, { after: '0' })).body
      .messages.length as number;
    for (let i = before + 1; i <= 12; i++)
      expect(
        (await zhang.post(`/assistant/handoffs/${handoffId}/messages`, { text: `第${i}条` })).status,
      ).toBe(201);
    const all = await zhang.get(`/assistant/handoffs/${handoffId}/messages`, { after: '0' });
    expect(all.body.messages.map((m: { seq: number }) => m.seq)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const since = await zhang.get(`/assistant/handoffs/${handoffId}/messages`, { after: '3' });
    expect(since.body.messages.map((m: { seq: number }) => m.seq)).toEqual(
      Array.from({ length: 9 }, (_, i) => i + 4),
    );
  });

  it('closes with a summary; afterwards no messages and out of the queue', async () => {
    const queue = await (await as('demo-staff-sh')).get('/staff/handoffs');
    const claimedBy = queue.body.handoffs.find(
      (h: { handoffId: string }) => h.handoffId === handoffId,
    ).claimedByName;
    const closer = claimedBy === '上海分公司保全 钱进' ? 'demo-staff-sh' : 'demo-staff-hq';
    const empty = await (await as(closer)).post(`/staff/handoffs/${handoffId}/close`, { summary: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('请填写服务小结');
    const closed = await (await as(closer)).post(`/staff/handoffs/${handoffId}/close`, {
      summary: '已说明保单贷款办理方式',
    });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', summary: '已说明保单贷款办理方式' });

    const zhang = await as('demo-customer-c001');
    const late = await zhang.post(`/assistant/handoffs/${handoffId}/messages`, { text: '还在吗' });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('该人工服务已结束');
    expect((await zhang.get(`/assistant/handoffs/${handoffId}/messages`)).body.status).toBe('closed');
    const after = await (await as('demo-staff-sh')).get('/staff/handoffs');
    expect(after.body.handoffs.map((h: { handoffId: string }) => h.handoffId)).not.toContain(handoffId);
  });

  it('explains bad input', async () => {
    const zhang = await as('demo-customer-c001');
    expect((await zhang.get(`/assistant/handoffs/${handoffId}/messages`, { after: '-1' })).status).toBe(400);
    const blank = await zhang.post(`/assistant/handoffs/${handoffId}/messages`, { text: '' });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toBe('请输入消息内容');
    expect((await zhang.get('/assistant/handoffs/not-an-id/messages')).status).toBe(400);
  });
});

describe('the staff console’s view of one handoff', () => {
  it('shows staff of the subtree the context with the masked verified identity, and who has it', async () => {
    const view = await (await as('demo-staff-sh')).get(`/staff/handoffs/${handoffId}`);
    expect(view.status, view.text).toBe(200);
    expect(HandoffSchema.safeParse(view.body).success).toBe(true);
    expect(view.body).toMatchObject({
      customerName: '张伟',
      identityVerified: true,
      intentName: '转人工客服',
      transcript: [{ text: '我要转人工' }],
    });
    expect(view.body.idNumberMasked).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(view.body.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const claimedByMe = [
      (await (await as('demo-staff-sh')).get(`/staff/handoffs/${handoffId}`)).body.claimedByMe,
      (await (await as('demo-staff-hq')).get(`/staff/handoffs/${handoffId}`)).body.claimedByMe,
    ];
    expect(claimedByMe.sort()).toEqual([false, true]);
    expect((await (await as('demo-staff-bj')).get(`/staff/handoffs/${handoffId}`)).status).toBe(404);
    expect((await (await as('demo-customer-c001')).get(`/staff/handoffs/${handoffId}`)).status).toBe(403);
  });
});
