import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import type { VoiceItemsResponse, VoiceServerFrame } from '@zhixiang/shared/voice/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackBookingItem } from '../../src/callback/adapters/callback-bookings';
import {
  disputeSourceKey,
  fileCallbackDisputes,
} from '../../src/complaints/use-cases/file-callback-disputes';
import { PutCommand } from '../../src/platform/dynamodb/document-client';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { projectVoice } from '../../src/voice/use-cases/project-voice';
import { voiceItemId } from '../../src/voice/use-cases/voice-access';
import { accessTokenFor, requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { listenToVoiceAs } from '../support/voice-listener';

/**
 * Every channel into the customer-voice stream (客户之声) through the real gateway against DynamoDB
 * Local: a new-policy callback's problem case (in the outcome's own transaction, pushed once) and
 * the complaint a disputed sale opens (once, across a crash and two runs at once); an angry chat
 * turn (listed in the turn's transaction, projected once with its anger score).
 */
const data = buildDemoData(FIXED_TODAY);
const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;
const [POLICY, SECOND_POLICY] = data.policies.filter((p) => p.holderId === 'C001').map((p) => p.policyNo) as [
  string,
  string,
];

let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);
const silent = { error: () => {}, warn: () => {} };

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

/** A booked callback of the policy for the call centre to record (the booking journey is callback's own test). */
async function booked(policyNo: string) {
  const policy = data.policies.find((p) => p.policyNo === policyNo)!;
  await container.table.client.send(
    new PutCommand({
      TableName: container.table.table,
      Item: callbackBookingItem({
        policyNo,
        slotId: `${FIXED_TODAY.replaceAll('-', '')}1000`,
        date: FIXED_TODAY,
        start: '10:00',
        status: 'booked',
        customerId: 'C001',
        branchPath: policy.branchPath,
        rescheduleCount: 0,
        reminderDueAt: FIXED_NOW,
        reminderSentAt: null,
        outcome: null,
        version: 1,
        updatedAt: FIXED_NOW,
      }),
    }),
  );
  return policy;
}

const outcomePath = (policyNo: string) => `/callback/bookings/${policyNo}/outcome`;
const items = async (userId: string) =>
  (await as<VoiceItemsResponse>(userId, 'GET', '/staff/voice/items')).body.items;

describe('a callback’s problem case (问题件)', () => {
  it('refuses a bad dispute flag precisely and writes nothing', async () => {
    await booked(SECOND_POLICY);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ outcome: 'unreachable', disputesSale: true }, /仅问题件可标记/],
      [{ outcome: 'problem', note: '客户说不记得买过', disputesSale: 'yes' }, /客户对销售过程有异议/],
    ];
    for (const [body, message] of cases) {
      const response = await as('demo-staff-sh', 'POST', outcomePath(SECOND_POLICY), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.message).toMatch(message);
    }
    expect((await container.repositories.callbackBookings.getBooking(SECOND_POLICY))?.status).toBe('booked');
    expect((await items('demo-staff-sh')).filter((i) => i.source === 'callback_problem')).toEqual([]);
  });

  let recordedAt = 0;

  it('joins the stream with the outcome, redacted, on 新单回访 at the policy’s branch, pushed once', async () => {
    const policy = await booked(POLICY);
    const listener = await listenToVoiceAs(container, gateway.liveChatUrl, 'demo-exec-sh-pd');
    try {
      await listener.waitFor((f) => f.type === 'voice_listening', 'listening');
      const response = await as('demo-staff-sh', 'POST', outcomePath(POLICY), {
        outcome: 'problem',
        note: `客户称业务员说保本，没讲犹豫期，手机 ${zhangWei.phone}，身份证 ${zhangWei.idNumber}`,
        disputesSale: true,
      });
      expect(response.status, response.text).toBe(200);
      recordedAt =
        (await container.repositories.callbackBookings.getBooking(POLICY))?.outcome?.recordedAt ?? 0;
      const itemId = voiceItemId(`callback-problem:${POLICY}:${recordedAt}`);
      // In the outcome's own transaction: there before any projection runs.
      const stored = await container.repositories.voice.getItem(itemId);
      expect(stored).toMatchObject({
        source: 'callback_problem',
        journey: 'callback',
        branchPath: policy.branchPath,
        customerId: 'C001',
      });
      expect(stored?.text).toContain('（客户对销售过程有异议）');
      expect(stored?.text).not.toContain(zhangWei.phone);
      expect(stored?.text).not.toContain(zhangWei.idNumber);
      // Two runs at once and one after: pushed to the listeners once, listed once.
      const runs = await Promise.all([
        projectVoice({ ...container, logger: silent }),
        projectVoice({ ...container, logger: silent }),
      ]);
      const again = await projectVoice({ ...container, logger: silent });
      expect(runs[0].announced + runs[1].announced + again.announced).toBe(1);
      const arrived = (f: VoiceServerFrame) => f.type === 'voice_item' && f.item.itemId === itemId;
      const pushed = await listener.waitFor(arrived, 'the problem case');
      expect(pushed).toMatchObject({
        item: { sourceLabel: '新单回访·问题件', journeyLabel: '新单回访', customerLabel: '张*' },
      });
      expect(listener.frames.filter(arrived)).toHaveLength(1);
      const listed = (await items('demo-staff-sh')).filter((i) => i.source === 'callback_problem');
      expect(listed.map((i) => i.itemId)).toEqual([itemId]);
      // Recorded once: a second outcome is refused and puts nothing.
      const twice = await as('demo-staff-sh', 'POST', outcomePath(POLICY), {
        outcome: 'problem',
        note: '再记一次',
      });
      expect(twice.status).toBe(409);
      expect((await items('demo-staff-sh')).filter((i) => i.source === 'callback_problem')).toHaveLength(1);
      // The follow-up queue says the customer disputes the sale (the call centre's own note, as typed).
      const followUps = await api.get<{ followUps: Array<{ policyNo: string; disputesSale: boolean }> }>(
        '/callback/follow-ups',
        { token: await accessTokenFor(container, 'demo-staff-sh') },
      );
      expect(followUps.body.followUps.find((f) => f.policyNo === POLICY)?.disputesSale).toBe(true);
    } finally {
      listener.close();
    }
  });

  it('opens one complaint (回访 · 销售误导) at the policy’s branch, across a crash and two runs at once', async () => {
    const bookings = container.repositories.callbackBookings;
    const [entry] = await bookings.listPendingDisputes(10);
    expect(entry).toMatchObject({ policyNo: POLICY, recordedAt });
    // A run that dies after opening the complaint, before taking the entry off.
    const crashing: CallbackBookingRepository = Object.assign(Object.create(bookings), {
      markDisputeFiled: async () => {
        throw new Error('process died');
      },
      recordDisputeFailure: bookings.recordDisputeFailure.bind(bookings),
    });
    const crashed = await fileCallbackDisputes({
      ...container,
      repositories: { ...container.repositories, callbackBookings: crashing },
      logger: silent,
    });
    expect([crashed.filed, crashed.failed]).toEqual([1, 1]);
    const [a, b] = await Promise.all([
      fileCallbackDisputes({ ...container, logger: silent }),
      fileCallbackDisputes({ ...container, logger: silent }),
    ]);
    expect(a.filed + b.filed).toBe(0);
    expect(await bookings.listPendingDisputes(10)).toEqual([]);
    const complaintId = await container.repositories.complaints.getBySource(disputeSourceKey(entry!));
    const opened = (await container.repositories.complaints.listByCustomer('C001')).filter(
      (c) => c.channel === 'callback',
    );
    expect(opened.map((c) => c.complaintId)).toEqual([complaintId]);
    const policy = data.policies.find((p) => p.policyNo === POLICY)!;
    expect(opened[0]).toMatchObject({
      category: 'sales_misleading',
      policyNo: POLICY,
      branchPath: policy.branchPath,
      handlingBranchPath: policy.branchPath,
      status: 'received',
    });
    const events = await container.repositories.complaints.events(complaintId!);
    expect(events[0]).toMatchObject({ type: 'received', actorId: 'demo-staff-sh' });
    expect(events[0]?.note).toMatch(/新单回访/);
  });

  it('a problem case without a dispute opens no complaint', async () => {
    await booked(SECOND_POLICY);
    const response = await as('demo-staff-sh', 'POST', outcomePath(SECOND_POLICY), {
      outcome: 'problem',
      note: '客户对条款有疑问，需代理人上门解释',
    });
    expect(response.status, response.text).toBe(200);
    expect(await container.repositories.callbackBookings.listPendingDisputes(10)).toEqual([]);
    expect((await items('demo-staff-sh')).filter((i) => i.source === 'callback_problem')).toHaveLength(2);
  });
});

describe('an angry chat turn', () => {
  it('is listed with the turn and projected once, redacted, with its anger score', async () => {
    const token = await accessTokenFor(container, 'demo-customer-c001');
    const said = await api.post<{ conversationId: string }>(
      '/assistant/messages',
      { text: `你们就是骗子！！理赔拖了三个月，打我电话 ${zhangWei.phone}` },
      { token },
    );
    expect(said.status, said.text).toBe(200);
    const calm = await api.post(
      '/assistant/messages',
      { text: '请问保单贷款额度是多少', conversationId: said.body.conversationId },
      { token },
    );
    expect(calm.status, calm.text).toBe(200);
    const [a, b] = await Promise.all([
      projectVoice({ ...container, logger: silent }),
      projectVoice({ ...container, logger: silent }),
    ]);
    const again = await projectVoice({ ...container, logger: silent });
    expect(again.assistantProjected).toBe(0);
    expect(a.failed + b.failed).toBe(0);
    const angry = (await items('demo-staff-sh-pd-01')).filter((i) => i.source === 'assistant_angry');
    expect(angry).toHaveLength(1);
    expect(angry[0]).toMatchObject({
      sourceLabel: '智能客服·客户不满',
      journey: 'assistant',
      customerLabel: '张*',
    });
    expect(angry[0]?.angerScore).toBeGreaterThanOrEqual(2);
    expect(angry[0]?.text).toContain('骗子');
    expect(angry[0]?.text).not.toContain(zhangWei.phone);
    // The improvement report lists no angry turn: it is about answers, not moods.
    const report = await as<{ unanswered: unknown[]; thumbsDown: unknown[] }>(
      'demo-staff-hq',
      'GET',
      `/reports/assistant-feedback?from=${FIXED_TODAY}&to=${FIXED_TODAY}`,
    );
    expect(JSON.stringify(report.body)).not.toContain('骗子');
  });

  it('never returns a raw ID number or phone', () => {
    const all = texts.join('\n');
    expect(all).not.toContain(zhangWei.idNumber);
    expect(all).not.toContain(zhangWei.phone);
  });
});
