import type {
  ListenedHandoffsResponse,
  ListenedHandoffView,
  ListenInServerFrame,
} from '@zhixiang/shared/voice/listen-in';
import type { VoiceListeningLog } from '@zhixiang/shared/voice/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { openListenerSocket } from '../support/voice-listener';

/**
 * 高管聆听 · 人工客服旁听 through the real gateway and its WebSocket API against DynamoDB Local: an
 * executive lists the live handoff chats of their subtree, opens one read-only, receives each new
 * message live — masked, whoever wrote it — and the listen-in goes into the listening log; other
 * branches' chats are 404, and no one else may listen in.
 */
const data = buildDemoData(FIXED_TODAY);
const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;
const wuGang = data.customers.find((c) => c.customerId === 'C011')!;

let container: System;
let gateway: TestGateway;
let api: ApiClient;
/** Every answer an executive got over HTTP. */
const texts: string[] = [];
const asExecutive = requestsAs(() => ({ api, system: container }), texts);
const asParty = requestsAs(() => ({ api, system: container }), []);
const as: typeof asParty = (userId, ...rest) =>
  (userId.startsWith('demo-exec-') ? asExecutive : asParty)(userId, ...rest);
let shanghai: string;
let beijing: string;

async function handoffOf(userId: string): Promise<string> {
  const chat = await as<{ conversationId: string }>(userId, 'POST', '/assistant/messages', {
    text: '我要转人工',
  });
  expect(chat.status, chat.text).toBe(200);
  const handoff = await as(userId, 'POST', '/assistant/handoffs', {
    conversationId: chat.body.conversationId,
  });
  expect(handoff.status, handoff.text).toBe(201);
  return chat.body.conversationId;
}

const listenerOf = (userId: string) => openListenerSocket(container, gateway.liveChatUrl, userId);
type Frame<T extends ListenInServerFrame['type']> = Extract<ListenInServerFrame, { type: T }>;
const isType =
  <T extends ListenInServerFrame['type']>(type: T, extra: (f: Frame<T>) => boolean = () => true) =>
  (f: { type: string }): f is Frame<T> =>
    f.type === type && extra(f as Frame<T>);
const isError = (f: { type: string }): f is { type: 'error'; code: string; message: string } =>
  f.type === 'error';

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
  shanghai = await handoffOf('demo-customer-c001');
  beijing = await handoffOf('demo-customer-c011');
});

afterAll(async () => {
  await gateway?.close();
});

describe('the live handoffs of the executive’s subtree', () => {
  it('lists them with the customer masked, and not another branch’s', async () => {
    const pudong = await as<ListenedHandoffsResponse>('demo-exec-sh-pd', 'GET', '/staff/voice/handoffs');
    expect(pudong.status, pudong.text).toBe(200);
    expect(pudong.body.handoffs.map((h) => h.handoffId)).toEqual([shanghai]);
    expect(pudong.body.handoffs[0]).toMatchObject({ customerLabel: '张*', statusLabel: '排队中' });
    const hq = await as<ListenedHandoffsResponse>('demo-exec-hq', 'GET', '/staff/voice/handoffs');
    expect(hq.body.handoffs.map((h) => h.handoffId).sort()).toEqual([shanghai, beijing].sort());
  });

  it('opens one read-only, masked; another branch’s is 404 and anyone but executives 403', async () => {
    const view = await as<ListenedHandoffView>('demo-exec-sh-pd', 'GET', `/staff/voice/handoffs/${shanghai}`);
    expect(view.status, view.text).toBe(200);
    expect(view.body).toMatchObject({ handoffId: shanghai, customerLabel: '张*', messages: [] });
    expect(view.body.transcript.map((t) => t.text)).toContain('我要转人工');
    const other = await as('demo-exec-sh-pd', 'GET', `/staff/voice/handoffs/${beijing}`);
    expect([other.status, other.body.message]).toEqual([404, '未找到该人工服务对话']);
    for (const userId of ['demo-staff-sh', 'demo-customer-c001', 'demo-agent-a001']) {
      expect((await as(userId, 'GET', `/staff/voice/handoffs/${shanghai}`)).status, userId).toBe(403);
      expect((await as(userId, 'GET', '/staff/voice/handoffs')).status, userId).toBe(403);
    }
    const bad = await as('demo-exec-sh-pd', 'GET', '/staff/voice/handoffs/not-an-id');
    expect([bad.status, bad.body.message]).toEqual([400, '人工服务编号格式不正确']);
    // Nothing to send with: the chat's message route is not theirs.
    const sent = await as('demo-exec-sh-pd', 'POST', `/assistant/handoffs/${shanghai}/messages`, {
      text: '你好',
    });
    expect([403, 404]).toContain(sent.status);
  });
});

describe('listening in live', () => {
  it('delivers each new message masked while staff answer, and logs who listened to which chat', async () => {
    const listener = await listenerOf('demo-exec-sh-pd');
    try {
      listener.send({ action: 'listenHandoff', handoffId: shanghai });
      const opened = await listener.waitFor(isType('voice_handoff'), 'the opened chat');
      expect(opened.handoff).toMatchObject({ handoffId: shanghai, customerLabel: '张*' });
      expect((await as('demo-staff-sh', 'POST', `/staff/handoffs/${shanghai}/claim`)).status).toBe(200);
      await listener.waitFor(
        isType('voice_handoff_status', (f) => f.status === 'claimed'),
        'the claim',
      );
      const fromCustomer = `我是${zhangWei.name}，手机${zhangWei.phone}，身份证${zhangWei.idNumber}，想改红利领取方式`;
      expect(
        (
          await as('demo-customer-c001', 'POST', `/assistant/handoffs/${shanghai}/messages`, {
            text: fromCustomer,
          })
        ).status,
      ).toBe(201);
      const fromStaff = `${zhangWei.name}先生您好，已核实尾号 ${zhangWei.phone} 的手机，马上为您办理`;
      expect(
        (await as('demo-staff-sh', 'POST', `/assistant/handoffs/${shanghai}/messages`, { text: fromStaff }))
          .status,
      ).toBe(201);
      const second = await listener.waitFor(
        isType('voice_handoff_message', (f) => f.message.from === 'staff'),
        'the staff answer',
      );
      const first = listener.frames.find(
        isType('voice_handoff_message', (f) => f.message.from === 'customer'),
      );
      expect(first?.message).toMatchObject({ fromLabel: '客户', text: expect.stringContaining('我是张*') });
      expect(second.message.text).toMatch(/^张\*先生您好/);
      // No phone number, ID number or full name reaches the executive, by push or by replay.
      for (const raw of listener.raw) {
        expect(raw).not.toContain(zhangWei.phone);
        expect(raw).not.toContain(zhangWei.idNumber);
        expect(raw).not.toContain(zhangWei.name);
      }
      listener.send({ action: 'leaveHandoff', handoffId: shanghai });
      await listener.waitFor(isType('voice_handoff_left'), 'leaving');
      const log = await as<VoiceListeningLog>('demo-exec-hq', 'GET', '/staff/voice/listening-log');
      const session = log.body.sessions.find((s) => s.handoffId === shanghai);
      expect(session).toMatchObject({
        userName: expect.any(String),
        roleLabel: '高管',
        scopeName: '张江营销服务部',
      });
      expect(session?.endedAt).not.toBeNull();
      // The replay after a reconnect is masked too.
      const view = await as<ListenedHandoffView>(
        'demo-exec-sh-pd',
        'GET',
        `/staff/voice/handoffs/${shanghai}`,
      );
      expect(view.body.messages.map((m) => m.from)).toEqual(['customer', 'staff']);
      expect(JSON.stringify(view.body)).not.toContain(zhangWei.phone);
      expect(JSON.stringify(view.body)).not.toContain(zhangWei.name);
    } finally {
      await listener.close();
    }
  });

  it('ends the listen-in at the socket’s disconnect, and sends nothing after leaving', async () => {
    const listener = await listenerOf('demo-exec-hq');
    listener.send({ action: 'listenHandoff', handoffId: shanghai, after: 2 });
    const opened = await listener.waitFor(isType('voice_handoff'), 'the opened chat');
    expect(opened.handoff.messages).toEqual([]);
    await listener.close();
    const deadline = Date.now() + 5000;
    let session: VoiceListeningLog['sessions'][number] | undefined;
    while (Date.now() < deadline) {
      const log = await as<VoiceListeningLog>('demo-exec-hq', 'GET', '/staff/voice/listening-log');
      session = log.body.sessions.find(
        (s) => s.handoffId === shanghai && s.scopeName && s.userName.includes('总'),
      );
      if (session?.endedAt) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(session?.endedAt).not.toBeNull();
  });

  it('refuses another branch’s chat (404), anyone but executives (403) and a malformed frame (400)', async () => {
    const pudong = await listenerOf('demo-exec-sh-pd');
    const staff = await listenerOf('demo-staff-sh');
    const customer = await listenerOf('demo-customer-c011');
    try {
      pudong.send({ action: 'listenHandoff', handoffId: beijing });
      expect(await pudong.waitFor(isError, 'the refusal')).toMatchObject({
        code: 'NOT_FOUND',
        message: '未找到该人工服务对话',
      });
      pudong.frames.length = 0;
      pudong.send({ action: 'listenHandoff', handoffId: 'x' });
      expect(await pudong.waitFor(isError, 'the refusal')).toMatchObject({
        message: '人工服务编号格式不正确',
      });
      pudong.frames.length = 0;
      pudong.send({ action: 'listenHandoff', handoffId: shanghai, after: -1 });
      expect(await pudong.waitFor(isError, 'the refusal')).toMatchObject({
        message: '参数 after 应为非负整数',
      });
      for (const socket of [staff, customer]) {
        socket.send({ action: 'listenHandoff', handoffId: beijing });
        expect(await socket.waitFor(isError, 'the refusal')).toMatchObject({
          code: 'FORBIDDEN',
          message: '仅高管可旁听人工客服对话',
        });
      }
      // A message of the Beijing chat reaches none of them.
      expect(
        (
          await as('demo-customer-c011', 'POST', `/assistant/handoffs/${beijing}/messages`, {
            text: '还在吗',
          })
        ).status,
      ).toBe(201);
      await new Promise((r) => setTimeout(r, 200));
      for (const socket of [pudong, staff, customer])
        expect(socket.frames.some((f) => f.type === 'voice_handoff_message')).toBe(false);
    } finally {
      await Promise.all([pudong.close(), staff.close(), customer.close()]);
    }
  });

  it('masks every kind of personal datum in a chat: numbers in any form, e-mail, address, the agent’s name', async () => {
    // The customer's address and e-mail on file (a contact change would have put them there).
    const address = '上海市浦东新区张江路88号3号楼1201室';
    const email = 'zhangwei78@example.com';
    await container.repositories.customers.put({ ...zhangWei, address, email });
    const agentName = data.agents.find((a) => a.agentId === zhangWei.agentId)?.name ?? '';
    expect(agentName).toBe('王建国');
    const phone = zhangWei.phone;
    const raw = {
      customerName: zhangWei.name,
      agentName,
      mobileInGroups: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`,
      mobileWithCode: `+86${phone}`,
      idNumberInGroups: `${zhangWei.idNumber.slice(0, 6)} ${zhangWei.idNumber.slice(6, 14)} ${zhangWei.idNumber.slice(14)}`,
      passport: 'E12345678',
      permit: 'C87654321',
      bankCardInGroups: '6222 0212 3456 7890 123',
      bankCard: '6217001234567890',
      email,
      address,
      otherAddress: '北京市海淀区中关村大街27号2单元502室',
    };
    const fromCustomer =
      `${raw.customerName}，业务员${raw.agentName}让我找你们。电话${raw.mobileInGroups}或${raw.mobileWithCode}，` +
      `身份证${raw.idNumberInGroups}，护照${raw.passport}，港澳通行证${raw.permit}，` +
      `退款到${raw.bankCardInGroups}，邮件${raw.email}，寄到${raw.address}`;
    const fromStaff = `已记下卡号${raw.bankCard}，材料寄${raw.otherAddress}；${raw.agentName}会联系您。保单8831010000001 不变`;
    const listener = await listenerOf('demo-exec-sh-pd');
    try {
      listener.send({ action: 'listenHandoff', handoffId: shanghai, after: 3 });
      await listener.waitFor(isType('voice_handoff'), 'the opened chat');
      const sent = (userId: string, text: string) =>
        as(userId, 'POST', `/assistant/handoffs/${shanghai}/messages`, { text });
      expect((await sent('demo-customer-c001', fromCustomer)).status).toBe(201);
      expect((await sent('demo-staff-sh', fromStaff)).status).toBe(201);
      const staffFrame = await listener.waitFor(
        isType('voice_handoff_message', (f) => f.message.from === 'staff'),
        'the staff answer',
      );
      const customerFrame = listener.frames.find(
        isType('voice_handoff_message', (f) => f.message.from === 'customer'),
      );
      expect(customerFrame?.message.text).toContain('张*，业务员王**让我找你们');
      expect(customerFrame?.message.text).toContain(`电话${phone.slice(0, 3)}****${phone.slice(-4)}`);
      expect(customerFrame?.message.text).toContain('护照E1*****78');
      expect(customerFrame?.message.text).toContain('z***@example.com');
      expect(staffFrame.message.text).toContain('卡号6217********7890');
      expect(staffFrame.message.text).toContain('保单8831010000001 不变');
      // By push and by the replay over HTTP, none of them readable, nor any number's digits alone.
      const view = await as<ListenedHandoffView>(
        'demo-exec-sh-pd',
        'GET',
        `/staff/voice/handoffs/${shanghai}`,
      );
      expect(view.status, view.text).toBe(200);
      const seen = [...listener.raw, JSON.stringify(view.body)].join('\n');
      for (const [kind, value] of Object.entries(raw)) {
        expect(seen, kind).not.toContain(value);
        const digits = value.replace(/\D/g, '');
        if (digits.length >= 7) expect(seen.replace(/\D/g, ''), kind).not.toContain(digits);
      }
      expect(seen).not.toContain('张江路88号');
    } finally {
      await listener.close();
    }
  });

  it('never returns a raw ID number, phone or full name to an executive over HTTP', () => {
    const all = texts.join('\n');
    expect(all).toContain('张*');
    for (const c of [zhangWei, wuGang]) {
      expect(all).not.toContain(c.idNumber);
      expect(all).not.toContain(c.phone);
      expect(all).not.toContain(c.name);
    }
  });
});
