import type { ComplaintDetail } from '@zhixiang/shared/complaints/schemas';
import type { VoiceStore } from '@zhixiang/shared/ports/voice';
import type {
  SubmitRantResponse,
  VoiceClustersResponse,
  VoiceItemsResponse,
  VoiceItemView,
  VoiceListeningLog,
  VoiceServerFrame,
} from '@zhixiang/shared/voice/schemas';
import { voiceWeekOf } from '@zhixiang/shared/voice/themes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateBreachedComplaints } from '../../src/complaints/use-cases/escalate-breached-complaints';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { projectVoice } from '../../src/voice/use-cases/project-voice';
import { voiceItemId } from '../../src/voice/use-cases/voice-access';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { listenToVoiceAs } from '../support/voice-listener';

/**
 * The customer-voice stream (客户之声) through the real gateway against DynamoDB Local: 「我要吐槽」,
 * the projection of complaints (through their outbox entry) and of the assistant's 👎 and
 * unanswered turns, exactly once; tags, weekly clusters with trend, and bottom-up reporting
 * (逐级上报) with its trail, once when two report at once.
 */
const data = buildDemoData(FIXED_TODAY);
const policyNo = data.policies.find((p) => p.holderId === 'C001' && p.insuredId === 'C001')!.policyNo;
const WEEK = voiceWeekOf(FIXED_NOW);

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

const items = async (userId: string, query = '') =>
  (await as<VoiceItemsResponse>(userId, 'GET', `/staff/voice/items${query}`)).body.items;

describe('「我要吐槽」', () => {
  let rant: SubmitRantResponse;

  it('takes a customer’s words, tagged by theme, redacted, at their branch', async () => {
    const response = await as<SubmitRantResponse>('demo-customer-c001', 'POST', '/voice/rants', {
      text: '续期扣款失败也没人通知，电话打不通，我的手机 13812345678',
      hideName: true,
    });
    expect(response.status, response.text).toBe(201);
    rant = response.body;
    expect(rant.themes).toEqual(['debit_failure', 'hotline_wait']);
    const seen = (await items('demo-staff-sh-pd')).find((i) => i.itemId === rant.itemId);
    expect(seen).toMatchObject({
      source: 'rant',
      sourceLabel: '我要吐槽',
      customerLabel: '张*',
      journey: 'renewal',
      journeyLabel: '续期缴费',
      keywords: expect.arrayContaining(['扣款', '续期', '打不通', '电话']),
      branchName: '张江营销服务部',
      reportedToName: '张江营销服务部',
      escalations: [],
    });
    expect(seen?.text).not.toContain('13812345678');
  });

  it('hides the name from the agent when asked, and shows nothing to another branch', async () => {
    const agent = await as<VoiceItemsResponse>('demo-agent-a001', 'GET', '/agent/voice/items');
    expect(agent.body.items.find((i) => i.itemId === rant.itemId)?.customerLabel).toBe('匿名客户');
    const other = await as<VoiceItemsResponse>('demo-agent-a003', 'GET', '/agent/voice/items');
    expect(other.body.items.map((i) => i.itemId)).not.toContain(rant.itemId);
    expect((await items('demo-staff-bj')).map((i) => i.itemId)).not.toContain(rant.itemId);
  });

  it('refuses bad input with precise Chinese messages and writes nothing', async () => {
    const before = (await items('demo-staff-sh-pd')).length;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ text: '太差', hideName: false }, 'text', /至少 5 个字/],
      [{ text: '很'.repeat(501), hideName: false }, 'text', /500 字以内/],
      [{ text: '理赔太慢了真的很慢' }, 'hideName', /缺少必填项|隐藏姓名/],
      [{ text: '理赔太慢了真的很慢', hideName: 'yes' }, 'hideName', /隐藏姓名/],
      [{ text: '理赔太慢了真的很慢', hideName: false, journey: 'moon' }, 'journey', /业务环节/],
      [{ text: '理赔太慢了真的很慢', hideName: false, extra: 1 }, 'extra', /不支持的字段/],
    ];
    for (const [body, field, message] of cases) {
      const response = await as('demo-customer-c001', 'POST', '/voice/rants', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.field).toBe(field);
      expect(response.body.message).toMatch(message);
    }
    const badQuery = await as('demo-staff-sh', 'GET', '/staff/voice/items?week=2026-11-25');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.message).toMatch(/周一/);
    expect((await items('demo-staff-sh-pd')).length).toBe(before);
  });
});

describe('the projection', () => {
  it('puts a complaint’s item once, even across a crash between its two writes and overlapping runs', async () => {
    const filed = await as<ComplaintDetail>('demo-customer-c001', 'POST', '/complaints', {
      category: 'claims',
      description: '理赔材料提交后两周没有任何进度，赔款迟迟不到',
      policyNo,
      preferredContactTime: 'afternoon',
    });
    expect(filed.status, filed.text).toBe(201);
    const itemId = voiceItemId(`complaint:${filed.body.complaintId}`);
    // A consumer that dies after putting the item, before taking the entry off.
    const voice = container.repositories.voice;
    const crashing: VoiceStore = Object.assign(Object.create(voice), {
      markFeedDone: async () => {
        throw new Error('process died');
      },
      recordFeedFailure: voice.recordFeedFailure.bind(voice),
    });
    const crashed = await projectVoice({
      ...container,
      repositories: { ...container.repositories, voice: crashing },
      logger: silent,
    });
    expect(crashed.failed).toBeGreaterThanOrEqual(1);
    expect(await voice.getItem(itemId)).not.toBeNull();
    const [a, b] = await Promise.all([
      projectVoice({ ...container, logger: silent }),
      projectVoice({ ...container, logger: silent }),
    ]);
    expect(a.complaintsProjected + b.complaintsProjected).toBe(0);
    expect((await voice.listPendingFeed(100)).map((e) => e.complaintId)).not.toContain(
      filed.body.complaintId,
    );
    const listed = (await items('demo-staff-sh')).filter((i) => i.complaintId === filed.body.complaintId);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      source: 'complaint',
      journey: 'claims',
      themes: [{ id: 'claims_speed' }],
    });
  });

  it('puts each 👎 and unanswered turn of the assistant once, at the customer’s branch or the head office', async () => {
    const conversations = container.repositories.assistantConversations;
    const at = FIXED_NOW + 1000;
    const turn = (conversationId: string, text: string) => ({
      conversationId,
      seq: 1,
      at,
      text,
      intent: 'loan_quota' as const,
      confidence: 0.2,
      kind: 'clarify' as const,
      answerId: null,
      latencyMs: 5,
      signedIn: true,
    });
    const state = (conversationId: string, ownerUserId: string | null) => ({
      conversationId,
      ownerUserId,
      lastIntent: null,
      misses: 1,
      pendingPolicyChoice: null,
      turnCount: 1,
      updatedAt: at,
      version: 1,
    });
    const own = '11111111-1111-4111-8111-111111111111';
    const visitor = '22222222-2222-4222-8222-222222222222';
    await conversations.saveTurn(
      state(own, 'demo-customer-c001'),
      turn(own, '机器人答非所问，听不懂我说的'),
      at + 86_400_000,
      {
        unanswered: true,
      },
    );
    await conversations.rateTurn(own, 1, 'down');
    await conversations.saveTurn(state(visitor, null), turn(visitor, '怎么转人工'), at + 86_400_000, {
      unanswered: true,
    });
    const [a, b] = await Promise.all([
      projectVoice({ ...container, logger: silent }),
      projectVoice({ ...container, logger: silent }),
    ]);
    expect(a.assistantProjected + b.assistantProjected).toBe(3);
    const again = await projectVoice({ ...container, logger: silent });
    expect(again.assistantProjected).toBe(0);
    const shanghai = (await items('demo-staff-sh-pd-01')).filter((i) => i.source.startsWith('assistant'));
    expect(shanghai.map((i) => i.source).sort()).toEqual(['assistant_thumbs_down', 'assistant_unanswered']);
    expect(shanghai[0]).toMatchObject({ journey: 'assistant', themes: [{ id: 'assistant_useless' }] });
    const hq = (await items('demo-staff-hq')).filter((i) => i.customerLabel === '访客');
    expect(hq).toHaveLength(1);
    expect(hq[0]?.branchName).toMatch(/总公司/);
  });
});

describe('weekly clusters and bottom-up reporting (逐级上报)', () => {
  let item: VoiceItemView;

  it('clusters the week by theme with counts and trend', async () => {
    const response = await as<VoiceClustersResponse>('demo-staff-sh-pd', 'GET', '/staff/voice/clusters');
    expect(response.status, response.text).toBe(200);
    expect(response.body.week).toBe(WEEK);
    const claims = response.body.clusters.find((c) => c.theme === 'claims_speed');
    expect(claims).toMatchObject({ label: '理赔时效慢', count: 1, previousCount: 0, trend: 'new' });
    expect(response.body.clusters.map((c) => c.count)).toEqual(
      [...response.body.clusters.map((c) => c.count)].sort((x, y) => y - x),
    );
  });

  it('lets a 中支 report an item to its 分公司 and the 分公司 on to 总公司, with the trail', async () => {
    item = (await items('demo-staff-sh-pd')).find((i) => i.source === 'rant')!;
    const up = await as<VoiceItemView>(
      'demo-staff-sh-pd',
      'POST',
      `/staff/voice/items/${item.itemId}/escalation`,
      {
        note: '续期扣款失败集中，请分公司协调银行',
      },
    );
    expect(up.status, up.text).toBe(200);
    expect(up.body.reportedToName).toBe('上海分公司');
    const twice = await as('demo-staff-sh-pd', 'POST', `/staff/voice/items/${item.itemId}/escalation`, {
      note: '再报一次',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('该条客户之声已上报至上海分公司');
    const mine = await items('demo-staff-sh', '?reported=mine');
    expect(mine.map((i) => i.itemId)).toEqual([item.itemId]);
    const top = await as<VoiceItemView>(
      'demo-staff-sh',
      'POST',
      `/staff/voice/items/${item.itemId}/escalation`,
      {
        note: '多家中支反映，报总公司',
      },
    );
    expect(top.status, top.text).toBe(200);
    expect(top.body.escalations.map((e) => [e.fromName, e.toName, e.byName])).toEqual([
      ['浦东中心支公司', '上海分公司', expect.any(String)],
      ['上海分公司', expect.stringMatching(/总公司/), expect.any(String)],
    ]);
    expect(top.body.escalations[0]?.note).toBe('续期扣款失败集中，请分公司协调银行');
  });

  it('refuses a 四级机构, the head office, another branch and a missing note', async () => {
    const path = `/staff/voice/items/${item.itemId}/escalation`;
    const agency = await as('demo-staff-sh-pd-01', 'POST', path, { note: '请上级处理' });
    expect([agency.status, agency.body.message]).toEqual([
      403,
      '逐级上报由中支或分公司发起，四级机构请先报所属中支',
    ]);
    const hq = await as('demo-staff-hq', 'POST', path, { note: '请上级处理' });
    expect([hq.status, hq.body.message]).toEqual([403, '总公司已是最高层级，无需再上报']);
    const beijing = await as('demo-staff-bj', 'POST', path, { note: '请上级处理' });
    expect(beijing.status).toBe(404);
    const empty = await as('demo-staff-sh-pd', 'POST', path, { note: ' ' });
    expect([empty.status, empty.body.field]).toEqual([400, 'note']);
    const customer = await as('demo-customer-c001', 'POST', path, { note: '请上级处理' });
    expect(customer.status).toBe(403);
  });

  it('reports a cluster once when two report it at once, and shows the trail above', async () => {
    const body = { week: WEEK, theme: 'claims_speed', note: '理赔时效问题本周集中' };
    const both = await Promise.all([
      as<VoiceClustersResponse>('demo-staff-sh-pd', 'POST', '/staff/voice/cluster-escalations', body),
      as<VoiceClustersResponse>('demo-staff-sh-pd', 'POST', '/staff/voice/cluster-escalations', body),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)?.body.message).toBe(
      '本机构已将该周该主题上报至上海分公司，无需重复上报',
    );
    const sh = await as('demo-staff-sh', 'POST', '/staff/voice/cluster-escalations', {
      ...body,
      note: '报总公司统筹整改',
    });
    expect(sh.status, sh.text).toBe(200);
    const atHq = await as<VoiceClustersResponse>(
      'demo-staff-hq',
      'GET',
      `/staff/voice/clusters?week=${WEEK}`,
    );
    const trail = atHq.body.clusters.find((c) => c.theme === 'claims_speed')?.escalations ?? [];
    expect(trail.map((e) => [e.fromName, e.toName, e.note])).toEqual([
      ['浦东中心支公司', '上海分公司', '理赔时效问题本周集中'],
      ['上海分公司', expect.stringMatching(/总公司/), '报总公司统筹整改'],
    ]);
    const beijing = await as<VoiceClustersResponse>(
      'demo-staff-bj',
      'GET',
      `/staff/voice/clusters?week=${WEEK}`,
    );
    expect(beijing.body.clusters.flatMap((c) => c.escalations)).toEqual([]);
    const unknown = await as('demo-staff-sh-pd', 'POST', '/staff/voice/cluster-escalations', {
      ...body,
      theme: 'no_such_theme',
    });
    expect([unknown.status, unknown.body.field]).toEqual([400, 'theme']);
    const tuesday = await as('demo-staff-sh-pd', 'POST', '/staff/voice/cluster-escalations', {
      ...body,
      week: '2026-11-24',
    });
    expect([tuesday.status, tuesday.body.field]).toEqual([400, 'week']);
  });

  it('never returns a raw ID number or phone', () => {
    const all = texts.join('\n');
    for (const c of data.customers) {
      expect(all).not.toContain(c.idNumber);
      expect(all).not.toContain(c.phone);
    }
    expect(all).not.toContain('13812345678');
  });
});

/** A listening connection over the WebSocket API, recording every frame. */
const listenAs = (userId: string) => listenToVoiceAs(container, gateway.liveChatUrl, userId);

describe('高管聆听: items arrive live over the WebSocket API', () => {
  it('pushes a rant to the listening executives of its branch and above, and not to another branch', async () => {
    const pudong = await listenAs('demo-exec-sh-pd');
    const hq = await listenAs('demo-exec-hq');
    const beijing = await listenAs('demo-staff-bj');
    try {
      expect(await pudong.waitFor((f) => f.type === 'voice_listening', 'listening')).toEqual({
        type: 'voice_listening',
        scopeName: '浦东中心支公司',
      });
      await hq.waitFor((f) => f.type === 'voice_listening', 'listening');
      await beijing.waitFor((f) => f.type === 'voice_listening', 'listening');
      const sent = Date.now();
      const rant = await as<SubmitRantResponse>('demo-customer-c001', 'POST', '/voice/rants', {
        text: '回访电话一天打了三次，太打扰了',
        hideName: false,
      });
      expect(rant.status, rant.text).toBe(201);
      const arrived = (f: VoiceServerFrame) => f.type === 'voice_item' && f.item.itemId === rant.body.itemId;
      const seen = await pudong.waitFor(arrived, 'the rant at 浦东');
      expect(Date.now() - sent).toBeLessThan(1000);
      expect(seen).toMatchObject({ item: { customerLabel: '张*', text: '回访电话一天打了三次，太打扰了' } });
      expect((seen as { item: VoiceItemView }).item.themes.map((t) => t.id)).toContain('callback_disturb');
      await hq.waitFor(arrived, 'the rant at 总公司');
      expect(beijing.frames.some(arrived)).toBe(false);
    } finally {
      pudong.close();
      hq.close();
      beijing.close();
    }
  });

  it('keeps a listening log: who listened to which branch, from when to when', async () => {
    const ended = (log: VoiceListeningLog) =>
      log.sessions.filter((s) => s.userName === '浦东中支总经理 孙立' && s.endedAt !== null);
    const deadline = Date.now() + 5000;
    let log = (await as<VoiceListeningLog>('demo-exec-hq', 'GET', '/staff/voice/listening-log')).body;
    while (ended(log).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      log = (await as<VoiceListeningLog>('demo-exec-hq', 'GET', '/staff/voice/listening-log')).body;
    }
    expect(log.day).toBe(FIXED_TODAY);
    expect(ended(log)[0]).toMatchObject({
      roleLabel: '高管',
      scopeName: '浦东中心支公司',
      seconds: expect.any(Number),
    });
    expect(log.sessions.map((s) => s.scopeName)).toEqual(
      expect.arrayContaining(['浦东中心支公司', expect.stringMatching(/总公司/), '北京分公司']),
    );
    // 浦东中支 reads only its subtree's listeners; Beijing not Shanghai's.
    const pudong = await as<VoiceListeningLog>('demo-exec-sh-pd', 'GET', '/staff/voice/listening-log');
    expect(new Set(pudong.body.sessions.map((s) => s.scopeName))).toEqual(new Set(['浦东中心支公司']));
    const beijing = await as<VoiceListeningLog>('demo-staff-bj', 'GET', '/staff/voice/listening-log');
    expect(new Set(beijing.body.sessions.map((s) => s.scopeName))).toEqual(new Set(['北京分公司']));
    const bad = await as('demo-exec-hq', 'GET', '/staff/voice/listening-log?day=昨天');
    expect([bad.status, bad.body.message]).toEqual([400, '日期格式应为 YYYY-MM-DD']);
  });

  it('pushes a complaint the escalation job moves up to the listeners of the level it reached', async () => {
    const pudong = await listenAs('demo-exec-sh-pd');
    const beijing = await listenAs('demo-staff-bj');
    try {
      await pudong.waitFor((f) => f.type === 'voice_listening', 'listening');
      await beijing.waitFor((f) => f.type === 'voice_listening', 'listening');
      const filed = await as<ComplaintDetail>('demo-customer-c001', 'POST', '/complaints', {
        category: 'sales_misleading',
        description: '业务员当初说保本，我已经请了律师准备起诉',
        policyNo,
        preferredContactTime: 'any',
      });
      expect(filed.status, filed.text).toBe(201);
      const id = filed.body.complaintId;
      const report = await escalateBreachedComplaints({ ...container, now: () => FIXED_NOW + 3 * 3_600_000 });
      expect(report.failed).toBe(0);
      const arrived = (f: VoiceServerFrame) =>
        f.type === 'voice_complaint_escalated' && f.complaint.complaintId === id;
      expect(await pudong.waitFor(arrived, 'the escalation at 浦东')).toEqual({
        type: 'voice_complaint_escalated',
        complaint: {
          complaintId: id,
          categoryLabel: '销售误导',
          severityLabel: '紧急/重大',
          clockLabels: ['内部联系（2小时）'],
          fromName: '张江营销服务部',
          toName: '浦东中心支公司',
          at: new Date(FIXED_NOW + 3 * 3_600_000).toISOString(),
        },
      });
      expect(beijing.frames.some(arrived)).toBe(false);
    } finally {
      pudong.close();
      beijing.close();
    }
  });

  it('ends a session whose socket died without a disconnect when a push finds it gone; caps a session at 2 hours', async () => {
    const started = (minutesAgo: number) => new Date(FIXED_NOW - minutesAgo * 60_000).toISOString();
    const listener = {
      userId: 'demo-exec-sh-pd',
      role: 'executive',
      scopePath: 'HQ/SH/SH-PD',
      endedAt: null,
    };
    // A socket the WebSocket API no longer holds: its `$disconnect` never came.
    await container.repositories.liveChatConnections.subscribe('dead-socket', 'voice:HQ/SH/SH-PD');
    await container.repositories.voice.startListening({
      ...listener,
      connectionId: 'dead-socket',
      userName: '已断开的聆听',
      startedAt: started(10),
    });
    // And one never found gone, opened 3 hours ago.
    await container.repositories.voice.startListening({
      ...listener,
      connectionId: 'forgotten-socket',
      userName: '无人推送的聆听',
      startedAt: started(180),
    });
    const rant = await as<SubmitRantResponse>('demo-customer-c001', 'POST', '/voice/rants', {
      text: '保单贷款到账太慢了，等了一周',
      hideName: false,
    });
    expect(rant.status, rant.text).toBe(201);
    const log = (await as<VoiceListeningLog>('demo-exec-sh-pd', 'GET', '/staff/voice/listening-log')).body;
    // Ended by the push that found it gone (the test's clock runs on from FIXED_NOW).
    const dead = log.sessions.find((s) => s.userName === '已断开的聆听');
    expect(dead?.endedAt).not.toBeNull();
    expect(dead?.seconds).toBeGreaterThanOrEqual(600);
    expect(dead?.seconds).toBeLessThan(1200);
    const stored = await container.repositories.voice.listListening(FIXED_TODAY);
    expect(stored.find((s) => s.connectionId === 'dead-socket')?.endedAt).not.toBeNull();
    expect(log.sessions.find((s) => s.userName === '无人推送的聆听')).toMatchObject({
      endedAt: new Date(FIXED_NOW - 60 * 60_000).toISOString(),
      seconds: 7200,
    });
  });

  it('refuses customers', async () => {
    for (const userId of ['demo-customer-c001']) {
      const listener = await listenAs(userId);
      const refused = await listener.waitFor((f) => (f as { type: string }).type === 'error', 'the refusal');
      expect(refused).toMatchObject({ type: 'error', message: '仅员工和高管可聆听客户之声' });
      listener.close();
    }
  });
});
