import type { LiveChatServerFrame } from '@zhixiang/shared/assistant/live-chat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { captureProcessOutput } from '../support/capture-output';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Live chat over the WebSocket API, through the local gateway's real WebSocket server and its
 * Management API (the same AWS SDK client as deployed): authentication at the handshake, pushes to
 * both parties in order, resume after a dropped socket with nothing lost or doubled, and nothing for
 * a socket of another customer.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests read success and error bodies from the same response
type Body = any;

let container: System;
let gateway: TestGateway;
let api: ApiClient;
let handoffId: string;

async function as(userId: string) {
  const token = await accessTokenFor(container, userId);
  return {
    get: (path: string, query?: Record<string, string>) =>
      api.get<Body>(path, { token, ...(query ? { query } : {}) }),
    post: (path: string, body?: unknown) => api.post<Body>(path, body, { token }),
  };
}

/** A client socket that records every frame and can wait for the frames it expects. */
interface TestSocket {
  socket: WebSocket;
  frames: LiveChatServerFrame[];
  send(frame: unknown): void;
  waitFor(predicate: (frames: LiveChatServerFrame[]) => boolean, what: string): Promise<void>;
  close(): Promise<void>;
}

function openSocket(token: string | null): Promise<TestSocket> {
  const url = token ? `${gateway.liveChatUrl}?token=${encodeURIComponent(token)}` : gateway.liveChatUrl;
  const socket = new WebSocket(url);
  const frames: LiveChatServerFrame[] = [];
  const listeners = new Set<() => void>();
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as LiveChatServerFrame);
    for (const listener of listeners) listener();
  });
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`handshake refused: ${response.statusCode}`)),
    );
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        socket,
        frames,
        send: (frame) => socket.send(JSON.stringify(frame)),
        waitFor: (predicate, what) =>
          new Promise((done, fail) => {
            if (predicate(frames)) return done();
            const timer = setTimeout(() => {
              listeners.delete(check);
              fail(new Error(`timed out waiting for ${what}; got ${JSON.stringify(frames)}`));
            }, 5000);
            const check = () => {
              if (!predicate(frames)) return;
              clearTimeout(timer);
              listeners.delete(check);
              done();
            };
            listeners.add(check);
          }),
        close: () =>
          new Promise<void>((done) => {
            if (socket.readyState === WebSocket.CLOSED) return done();
            socket.once('close', () => done());
            socket.close();
          }),
      }),
    );
  });
}

async function socketAs(userId: string) {
  return openSocket(await accessTokenFor(container, userId));
}

const pushedTexts = (frames: LiveChatServerFrame[]) =>
  frames.flatMap((f) =>
    f.type === 'message' ? [f.message.text] : f.type === 'messages' ? f.messages.map((m) => m.text) : [],
  );

/** API Gateway's own answer to a frame without an action. */
const isForbidden = (frame: LiveChatServerFrame) => (frame as { message?: unknown }).message === 'Forbidden';

const replayOf = (frames: LiveChatServerFrame[]) =>
  frames.filter((f): f is Extract<LiveChatServerFrame, { type: 'messages' }> => f.type === 'messages');

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
  const zhang = await as('demo-customer-c001');
  const chat = await zhang.post('/assistant/messages', { text: '我要转人工' });
  handoffId = chat.body.conversationId;
  expect((await zhang.post('/assistant/handoffs', { conversationId: handoffId })).status).toBe(201);
});

afterAll(async () => {
  await gateway?.close();
});

describe('the live chat socket', () => {
  it('writes the handshake’s access token to no log line', async () => {
    const token = await accessTokenFor(container, 'demo-customer-c001');
    const captured = captureProcessOutput();
    try {
      const socket = await openSocket(token);
      await socket.close();
      await expect(openSocket(`${token}x`)).rejects.toThrow('handshake refused: 401');
    } finally {
      captured.stop();
    }
    expect(gateway.logs.some((line) => line.startsWith('WS $connect'))).toBe(true);
    for (const line of [...captured.lines(), ...gateway.logs])
      expect(line).not.toContain(token.split('.')[1]);
  });

  it('refuses a handshake without a valid access token', async () => {
    await expect(openSocket(null)).rejects.toThrow('handshake refused: 401');
    await expect(openSocket('not-a-token')).rejects.toThrow('handshake refused: 401');
  });

  it('pushes the claim and every message to both parties, in order', async () => {
    const customer = await socketAs('demo-customer-c001');
    const staff = await socketAs('demo-staff-sh');
    customer.send({ action: 'subscribe', handoffId, after: 0 });
    staff.send({ action: 'subscribe', handoffId, after: 0 });
    await customer.waitFor((f) => replayOf(f).length === 1, 'the customer’s replay');
    await staff.waitFor((f) => replayOf(f).length === 1, 'the staff replay');
    expect(replayOf(customer.frames)[0]).toMatchObject({ status: 'queued', messages: [] });

    expect((await (await as('demo-staff-sh')).post(`/staff/handoffs/${handoffId}/claim`)).status).toBe(200);
    await customer.waitFor((f) => f.some((x) => x.type === 'status' && x.status === 'claimed'), 'the claim');

    const staffApi = await as('demo-staff-sh');
    const customerApi = await as('demo-customer-c001');
    const texts = ['您好，我是客服钱进', '请问有什么可以帮您', '您的保单贷款可以在线办理'];
    for (const text of texts) {
      expect((await staffApi.post(`/assistant/handoffs/${handoffId}/messages`, { text })).status).toBe(201);
    }
    expect(
      (await customerApi.post(`/assistant/handoffs/${handoffId}/messages`, { text: '好的，谢谢' })).status,
    ).toBe(201);

    const all = [...texts, '好的，谢谢'];
    await customer.waitFor((f) => pushedTexts(f).length === 4, 'four messages');
    await staff.waitFor((f) => pushedTexts(f).length === 4, 'four messages');
    for (const socket of [customer, staff]) {
      expect(pushedTexts(socket.frames)).toEqual(all);
      const seqs = socket.frames.flatMap((f) => (f.type === 'message' ? [f.message.seq] : []));
      expect(seqs).toEqual([1, 2, 3, 4]);
    }
    await Promise.all([customer.close(), staff.close()]);
  });

  it('resumes after a dropped socket with every missed message exactly once', async () => {
    const first = await socketAs('demo-customer-c001');
    first.send({ action: 'subscribe', handoffId, after: 4 });
    await first.waitFor((f) => replayOf(f).length === 1, 'the replay');
    expect(replayOf(first.frames)[0]?.messages).toEqual([]);
    // The network drops: no close handshake reaches the server.
    first.socket.terminate();

    const staffApi = await as('demo-staff-sh');
    for (const text of ['您还在吗', '贷款额度可在保单详情查看']) {
      expect((await staffApi.post(`/assistant/handoffs/${handoffId}/messages`, { text })).status).toBe(201);
    }
    const again = await socketAs('demo-customer-c001');
    again.send({ action: 'subscribe', handoffId, after: 4 });
    await again.waitFor((f) => replayOf(f).length === 1, 'the replay');
    expect(replayOf(again.frames)[0]?.messages.map((m) => [m.seq, m.text])).toEqual([
      [5, '您还在吗'],
      [6, '贷款额度可在保单详情查看'],
    ]);
    // Subscribing twice on one connection still pushes each new message once.
    again.send({ action: 'subscribe', handoffId, after: 6 });
    await again.waitFor((f) => replayOf(f).length === 2, 'the second replay');
    expect(
      (await staffApi.post(`/assistant/handoffs/${handoffId}/messages`, { text: '第七条' })).status,
    ).toBe(201);
    await again.waitFor((f) => pushedTexts(f).includes('第七条'), 'the seventh message');
    // The server answers a frame after every push it sent this socket before: then count.
    again.socket.send('not json');
    await again.waitFor((f) => f.some(isForbidden), 'the answer to a frame without an action');
    expect(pushedTexts(again.frames).filter((t) => t === '第七条')).toHaveLength(1);
    // The dropped connection is gone ($disconnect, or the first push that found it closed).
    expect(await container.repositories.liveChatConnections.subscribers(handoffId)).toHaveLength(1);
    await again.close();
  });

  it('gives a socket of another customer nothing, and explains bad frames', async () => {
    const other = await socketAs('demo-customer-c011');
    other.send({ action: 'subscribe', handoffId, after: 0 });
    await other.waitFor((f) => f.some((x) => x.type === 'error'), 'the refusal');
    expect(other.frames).toEqual([{ type: 'error', code: 'NOT_FOUND', message: '未找到该人工服务' }]);
    expect(
      (
        await (
          await as('demo-staff-sh')
        ).post(`/assistant/handoffs/${handoffId}/messages`, { text: '保密内容' })
      ).status,
    ).toBe(201);

    // The answers to these frames come after any push the message above made to this socket.
    other.send({ action: 'subscribe', handoffId: 'x', after: 0 });
    other.socket.send('not json');
    await other.waitFor((f) => f.some(isForbidden), 'the answer to a frame without an action');
    expect(pushedTexts(other.frames)).toEqual([]);
    expect(other.frames.slice(1)).toEqual([
      { type: 'error', code: 'VALIDATION_FAILED', message: '人工服务编号格式不正确' },
      // No route for a frame without an action: API Gateway's own answer.
      { message: 'Forbidden', connectionId: expect.any(String), requestId: expect.any(String) },
    ]);
    await other.close();
  });

  it('forgets a connection and its subscriptions on $disconnect', async () => {
    const staff = await socketAs('demo-staff-sh');
    staff.send({ action: 'subscribe', handoffId, after: 100 });
    await staff.waitFor((f) => replayOf(f).length === 1, 'the replay');
    const before = await container.repositories.liveChatConnections.subscribers(handoffId);
    await staff.close();
    await expect
      .poll(async () => (await container.repositories.liveChatConnections.subscribers(handoffId)).length)
      .toBe(before.length - 1);
  });
});
