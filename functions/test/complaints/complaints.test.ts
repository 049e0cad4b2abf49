import type {
  ComplaintDetail,
  ComplaintQueueItem,
  ComplaintSummary,
} from '@zhixiang/shared/complaints/schemas';
import type { VoiceItemView } from '@zhixiang/shared/voice/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDecisionLetters } from '../../src/complaints/use-cases/deliver-decision-letters';
import { escalateBreachedComplaints } from '../../src/complaints/use-cases/escalate-breached-complaints';
import { deliverDecisionLettersDeps } from '../../src/complaints/wiring-letters';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Complaints through the real gateway: a customer files, staff of the policy's branch subtree
 * claim (one of two wins), contact, respond and decide; the customer follows the timeline; the
 * escalation job moves a breached urgent complaint one level up exactly once when runs overlap.
 */
const data = buildDemoData(FIXED_TODAY);
const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;
const policyNo = data.policies.find((p) => p.holderId === 'C001' && p.insuredId === 'C001')!.policyNo;
const policyBranch = data.policies.find((p) => p.policyNo === policyNo)!.branchPath;
const HOUR = 3_600_000;

let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];

// Requests as a seeded user; every answer's text is checked for leaks at the end.
const as = requestsAs(() => ({ api, system: container }), texts);

const fileBody = (overrides: Record<string, unknown> = {}) => ({
  category: 'claims',
  description: '理赔材料提交后两周没有任何进度，电话也打不通',
  policyNo,
  preferredContactTime: 'afternoon',
  ...overrides,
});

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('a customer files a complaint and staff handle it', () => {
  let complaintId = '';

  it('files it: a reference number, routed to the policy branch, the timeline started', async () => {
    const response = await as<ComplaintDetail>('demo-customer-c001', 'POST', '/complaints', fileBody());
    expect(response.status, response.text).toBe(201);
    complaintId = response.body.complaintId;
    expect(complaintId).toMatch(/^TS20261125\d{6}$/);
    expect(response.body).toMatchObject({
      category: 'claims',
      categoryLabel: '理赔',
      status: 'received',
      handling: null,
    });
    expect(response.body.timeline.map((t) => [t.step, t.at !== null])).toEqual([
      ['received', true],
      ['contacted', false],
      ['responded', false],
      ['decided', false],
    ]);
    const stored = await container.repositories.complaints.get(complaintId);
    expect(stored).toMatchObject({
      branchPath: policyBranch,
      handlingBranchPath: policyBranch,
      severity: 'ordinary',
    });
  });

  it('refuses bad input with precise Chinese messages', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ category: undefined }, 'category', /缺少必填项|投诉类别/],
      [{ category: 'weather' }, 'category', /请选择投诉类别/],
      [{ description: '太慢了' }, 'description', /至少 10 个字/],
      [{ description: 'x'.repeat(1001) }, 'description', /1000 字以内/],
      [{ policyNo: '保单' }, 'policyNo', /保单号格式不正确/],
      [{ preferredContactTime: 'midnight' }, 'preferredContactTime', /方便联系的时间/],
      [{ extra: 1 }, 'extra', /不支持的字段/],
    ];
    for (const [overrides, field, message] of cases) {
      const body = fileBody(overrides);
      const response = await as('demo-customer-c001', 'POST', '/complaints', body);
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.body.field).toBe(field);
      expect(response.body.message).toMatch(message);
    }
    const notTheirs = await as('demo-customer-c011', 'POST', '/complaints', fileBody());
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body.message).toBe('未找到该保单，请核对保单号');
  });

  it('shows it to the customer, the assigned agent and staff of the subtree only (masked for them)', async () => {
    const mine = await as<{ complaints: ComplaintSummary[] }>('demo-customer-c001', 'GET', '/me/complaints');
    expect(mine.body.complaints.map((c) => c.complaintId)).toContain(complaintId);
    const others = await as<{ complaints: ComplaintSummary[] }>(
      'demo-customer-c011',
      'GET',
      '/me/complaints',
    );
    expect(others.body.complaints.map((c) => c.complaintId)).not.toContain(complaintId);

    for (const userId of [
      'demo-agent-a001',
      'demo-staff-sh-pd-01',
      'demo-staff-sh-pd',
      'demo-staff-hq',
      'demo-admin',
    ]) {
      const response = await as<ComplaintDetail>(userId, 'GET', `/complaints/${complaintId}`);
      expect(response.status, userId).toBe(200);
      expect(response.body.handling).toMatchObject({
        customerNameMasked: '张*',
        customerPhoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
      });
    }
    for (const userId of ['demo-customer-c011', 'demo-agent-a003', 'demo-staff-bj']) {
      const response = await as(userId, 'GET', `/complaints/${complaintId}`);
      expect(response.status, userId).toBe(404);
      expect(response.body.message).toBe('未找到该投诉');
    }
    const own = await as<ComplaintDetail>('demo-customer-c001', 'GET', `/complaints/${complaintId}`);
    expect(own.body.handling).toBeNull();

    const byAgent = await as<{ complaints: ComplaintSummary[] }>(
      'demo-agent-a001',
      'GET',
      '/customers/C001/complaints',
    );
    expect(byAgent.body.complaints.map((c) => c.complaintId)).toContain(complaintId);
    expect((await as('demo-agent-a003', 'GET', '/customers/C001/complaints')).status).toBe(404);
    expect((await as('demo-staff-bj', 'GET', '/customers/C001/complaints')).status).toBe(404);
    expect((await as('demo-staff-sh-pd', 'GET', '/customers/C001/complaints')).status).toBe(200);
    expect((await as('demo-customer-c001', 'GET', '/customers/C001/complaints')).status).toBe(403);
  });

  it('lists it in the queue of the subtree, not of another branch', async () => {
    const queue = await as<{ complaints: ComplaintQueueItem[] }>(
      'demo-staff-sh-pd',
      'GET',
      '/staff/complaints',
    );
    const item = queue.body.complaints.find((c) => c.complaintId === complaintId);
    expect(item).toMatchObject({
      customerNameMasked: '张*',
      severity: 'ordinary',
      nextDue: { clock: 'external_response' },
    });
    const beijing = await as<{ complaints: ComplaintQueueItem[] }>(
      'demo-staff-bj',
      'GET',
      '/staff/complaints',
    );
    expect(beijing.body.complaints.map((c) => c.complaintId)).not.toContain(complaintId);
  });

  it('of two staff claiming at once, exactly one wins', async () => {
    const [a, b] = await Promise.all([
      as('demo-staff-sh-pd-01', 'POST', `/staff/complaints/${complaintId}/claim`),
      as('demo-staff-sh-pd', 'POST', `/staff/complaints/${complaintId}/claim`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toBe('该投诉已由其他同事认领');
    const events = await container.repositories.complaints.events(complaintId);
    expect(events.filter((e) => e.type === 'claimed')).toHaveLength(1);
  });

  it('records contact, response and decision in order, each an audited event', async () => {
    const stored = await container.repositories.complaints.get(complaintId);
    const handler = stored!.claimedBy!;
    const other = handler === 'demo-staff-sh-pd' ? 'demo-staff-sh-pd-01' : 'demo-staff-sh-pd';
    const step = (userId: string, body: unknown) =>
      as<ComplaintDetail>(userId, 'POST', `/staff/complaints/${complaintId}/steps`, body);

    const early = await step(handler, { step: 'responded', note: '已答复' });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('请先记录与客户的联系，再记录答复');
    expect((await step(other, { step: 'contacted', note: '已联系' })).body.message).toBe(
      '该投诉由其他同事处理，您不能记录处理步骤',
    );
    const noNote = await step(handler, { step: 'contacted', note: ' ' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.field).toBe('note');

    for (const s of ['contacted', 'responded', 'decided'] as const) {
      const response = await step(handler, {
        step: s,
        note: `已电话联系客户 ${zhangWei.phone}，说明处理进度`,
      });
      expect(response.status, response.text).toBe(200);
      expect(response.body.status).toBe(s);
    }
    const again = await step(handler, { step: 'decided', note: '再次办结' });
    expect(again.status).toBe(409);

    const own = await as<ComplaintDetail>('demo-customer-c001', 'GET', `/complaints/${complaintId}`);
    expect(own.body.timeline.every((t) => t.at !== null)).toBe(true);
    const staffView = await as<ComplaintDetail>(handler, 'GET', `/complaints/${complaintId}`);
    expect(staffView.body.handling?.events.map((e) => e.type)).toEqual([
      'received',
      'claimed',
      'contacted',
      'responded',
      'decided',
    ]);
    // The phone typed into a note is redacted in what staff read.
    expect(staffView.text).not.toContain(zhangWei.phone);
    const queue = await as<{ complaints: ComplaintQueueItem[] }>(
      'demo-staff-sh-pd',
      'GET',
      '/staff/complaints',
    );
    expect(queue.body.complaints.map((c) => c.complaintId)).not.toContain(complaintId);
  });

  it('issues the decision letter into 我的信函 once, naming every way on, even with two consumers at once', async () => {
    const before = await as<ComplaintDetail>('demo-customer-c001', 'GET', `/complaints/${complaintId}`);
    expect(before.body.decisionLetter).toEqual({ status: 'pending', letterId: null });
    const deps = deliverDecisionLettersDeps(container);
    // A failure (the renderer down) is counted on the entry, which stays pending for the next run.
    const failing = {
      ...deps,
      letterDeps: { ...deps.letterDeps, render: () => Promise.reject(new Error('renderer down')) },
    };
    expect(await deliverDecisionLetters(failing)).toMatchObject({ issued: 0, failed: 1 });
    expect(await container.repositories.complaints.decisionLetter(complaintId)).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    const runs = await Promise.all([deliverDecisionLetters(deps), deliverDecisionLetters(deps)]);
    expect(runs.reduce((sum, r) => sum + r.issued, 0)).toBe(1);
    expect(runs.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    expect((await deliverDecisionLetters(deps)).pending).toBe(0);

    const after = await as<ComplaintDetail>('demo-customer-c001', 'GET', `/complaints/${complaintId}`);
    expect(after.body.decisionLetter?.status).toBe('issued');
    const letterId = after.body.decisionLetter!.letterId!;
    const letters = await as<{ letters: Array<{ letterId: string; title: string }> }>(
      'demo-customer-c001',
      'GET',
      '/customers/C001/letters',
    );
    expect(letters.body.letters.filter((l) => l.title === '投诉处理决定书').map((l) => l.letterId)).toEqual([
      letterId,
    ]);
    const letter = await as<{ paragraphs: string[]; facts: [string, string][] }>(
      'demo-customer-c001',
      'GET',
      `/letters/${letterId}`,
    );
    expect(letter.status, letter.text).toBe(200);
    const text = letter.body.paragraphs.join('');
    for (const way of ['重新提出', '调解', '仲裁', '人民法院提起诉讼', '说明处理进度'])
      expect(text).toContain(way);
    expect(letter.body.facts).toContainEqual(['投诉编号', complaintId]);
    // The decision's words are the handler's, with the phone typed into them redacted.
    expect(letter.text).not.toContain(zhangWei.phone);
    expect((await as('demo-customer-c011', 'GET', `/letters/${letterId}`)).status).toBe(404);
  });

  it('lets the complainant rate the decided complaint once; nobody else, and not before the decision', async () => {
    const rate = (userId: string, body: unknown, id = complaintId) =>
      as<ComplaintDetail>(userId, 'POST', `/complaints/${id}/rating`, body);
    expect((await rate('demo-customer-c011', { score: 5 })).status).toBe(404);
    expect((await rate('demo-agent-a001', { score: 5 })).status).toBe(403);
    const bad = await rate('demo-customer-c001', { score: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'score', message: '请选择 1–5 分' });
    const rated = await rate('demo-customer-c001', { score: 4, comment: '处理及时，但等待时间偏长' });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.body.rating).toMatchObject({ score: 4, comment: '处理及时，但等待时间偏长' });
    expect((await rate('demo-customer-c001', { score: 5 })).body.message).toBe('您已评价过该投诉');
    const staffView = await as<ComplaintDetail>('demo-staff-sh', 'GET', `/complaints/${complaintId}`);
    expect(staffView.body.handling?.events.at(-1)).toMatchObject({
      type: 'rated',
      note: '4 分：处理及时，但等待时间偏长',
    });
    // A closing rating with words joins 客户之声 in the rating's own transaction, naming the complaint.
    const stream = await as<{ items: VoiceItemView[] }>('demo-staff-sh', 'GET', '/staff/voice/items');
    const closing = stream.body.items.filter((i) => i.source === 'complaint_rating');
    expect(closing).toHaveLength(1);
    expect(closing[0]).toMatchObject({ sourceLabel: '投诉办结评价', complaintId, customerLabel: '张*' });
    expect(closing[0]!.text).toBe(`投诉 ${complaintId} 办结评分 4 星：处理及时，但等待时间偏长`);

    const open = await as<ComplaintDetail>('demo-customer-c001', 'POST', '/complaints', fileBody());
    expect((await rate('demo-customer-c001', { score: 3 }, open.body.complaintId)).body.message).toBe(
      '投诉办结后才能评价',
    );
    const notYet = await as<ComplaintDetail>(
      'demo-customer-c001',
      'POST',
      `/complaints/${open.body.complaintId}/reopen`,
      { reason: '仍然没有收到任何答复，希望尽快处理' },
    );
    expect(notYet.body.message).toBe('投诉尚未办结，处理人员会继续跟进，无需重新提出');
  });

  it('re-opens a decided complaint once as a new one, naming each other; two at once give one', async () => {
    const before = await as<ComplaintDetail>('demo-customer-c001', 'GET', `/complaints/${complaintId}`);
    expect(before.body.reopenableUntil).toBe(
      new Date(Date.parse(before.body.timeline[3]!.at!) + 30 * 86_400_000).toISOString(),
    );
    const reopen = (reason: string) =>
      as<ComplaintDetail>('demo-customer-c001', 'POST', `/complaints/${complaintId}/reopen`, { reason });
    const short = await reopen('不满意');
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ field: 'reason', message: '请说明仍有异议的地方（至少 10 个字）' });
    const both = await Promise.all([
      reopen('答复没有解决问题，理赔款仍未到账'),
      reopen('答复没有解决问题，理赔款仍未到账！'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const created = both.find((r) => r.status === 200)!.body;
    expect(created).toMatchObject({ status: 'received', reopenOf: complaintId, category: 'claims' });
    expect(created.complaintId).not.toBe(complaintId);
    expect(both.find((r) => r.status === 409)!.body.message).toMatch(
      /^(该投诉已重新提出，新的投诉编号为 TS\d{14}|该投诉刚被更新，请刷新后重试)$/,
    );
    const after = await as<ComplaintDetail>('demo-customer-c001', 'GET', `/complaints/${complaintId}`);
    expect(after.body).toMatchObject({ reopenedAs: created.complaintId, reopenableUntil: null });
    expect((await reopen('答复没有解决问题，理赔款仍未到账')).body.message).toBe(
      `该投诉已重新提出，新的投诉编号为 ${created.complaintId}`,
    );
    const mine = await as<{ complaints: ComplaintSummary[] }>('demo-customer-c001', 'GET', '/me/complaints');
    expect(mine.body.complaints.map((c) => c.complaintId)).toContain(created.complaintId);
    const queue = await as<{ complaints: ComplaintQueueItem[] }>('demo-staff-sh', 'GET', '/staff/complaints');
    expect(queue.body.complaints.map((c) => c.complaintId)).toContain(created.complaintId);
  });

  it('refuses to re-open more than 30 days after the decision', async () => {
    const decidedAt = new Date(FIXED_NOW - 31 * 86_400_000).toISOString();
    const old = {
      complaintId: 'TS20261001000001',
      customerId: 'C001',
      policyNo,
      category: 'service_attitude' as const,
      description: '柜面工作人员态度冷淡，没有解释清楚',
      preferredContactTime: 'any' as const,
      channel: 'mini_program' as const,
      severity: 'ordinary' as const,
      reasons: [],
      branchPath: policyBranch,
      handlingBranchPath: policyBranch,
      escalatedClocks: [],
      status: 'received' as const,
      claimedBy: null,
      claimedByName: null,
      receivedAt: new Date(FIXED_NOW - 45 * 86_400_000).toISOString(),
      version: 1,
    };
    const event = { complaintId: old.complaintId, actorId: 'demo-staff-sh', actorName: '钱进', note: null };
    await container.repositories.complaints.create(old, {
      ...event,
      seq: 1,
      type: 'received',
      at: old.receivedAt,
    });
    await container.repositories.complaints.transition(
      { ...old, status: 'decided', version: 2 },
      { ...event, seq: 2, type: 'decided', at: decidedAt },
    );
    const late = await as<ComplaintDetail>(
      'demo-customer-c001',
      'POST',
      `/complaints/${old.complaintId}/reopen`,
      {
        reason: '一个多月过去了，问题依然存在',
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('办结已超过 30 天，无法重新提出；如仍有异议，请提交新的投诉');
  });
});

describe('reclassification and extension', () => {
  let id = '';
  const post = (userId: string, path: string, body: unknown) =>
    as<ComplaintDetail>(userId, 'POST', `/staff/complaints/${id}/${path}`, body);

  it('staff reclassify with a reason, audited with before and after', async () => {
    const filed = await as<ComplaintDetail>('demo-customer-c001', 'POST', '/complaints', fileBody());
    id = filed.body.complaintId;
    // 张伟's second complaint within 30 days: urgent by the repeat rule.
    const staffView = await as<ComplaintDetail>('demo-staff-sh-pd', 'GET', `/complaints/${id}`);
    expect(staffView.body.handling).toMatchObject({ severity: 'urgent', reasons: ['30 日内重复投诉'] });
    const changed = await post('demo-staff-sh-pd', 'classification', {
      category: 'sales_misleading',
      severity: 'ordinary',
      reason: '同一事项的补充说明，并非新投诉',
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ category: 'sales_misleading', handling: { severity: 'ordinary' } });
    expect(changed.body.handling?.events.at(-1)).toMatchObject({
      type: 'reclassified',
      note: '类别 理赔 → 销售误导；等级 紧急/重大 → 一般。原因：同一事项的补充说明，并非新投诉',
    });
    const same = await post('demo-staff-sh-pd', 'classification', {
      category: 'sales_misleading',
      severity: 'ordinary',
      reason: '再次确认',
    });
    expect(same.status).toBe(400);
    expect(same.body.message).toBe('类别和等级都与当前相同，无需重新分类');
    const bad = await post('demo-staff-sh-pd', 'classification', {
      category: 'claims',
      severity: 'high',
      reason: '原因',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('severity');
    expect(
      (
        await post('demo-staff-bj', 'classification', {
          category: 'claims',
          severity: 'ordinary',
          reason: '原因',
        })
      ).status,
    ).toBe(404);
  });

  it('extends to 30 days by the handler and to 60 only with a superior level, told to the customer', async () => {
    expect(
      (await post('demo-staff-sh-pd-01', 'extension', { limitDays: 30, reason: '需调取录音' })).body.message,
    ).toBe('延长至 30 日须由该投诉的处理人办理');
    expect((await as('demo-staff-sh-pd-01', 'POST', `/staff/complaints/${id}/claim`)).status).toBe(200);
    expect(
      (await post('demo-staff-sh-pd-01', 'extension', { limitDays: 60, reason: '需调取录音' })).body.message,
    ).toBe('请先将处理时限延长至 30 日');
    const thirty = await post('demo-staff-sh-pd-01', 'extension', {
      limitDays: 30,
      reason: '需调取销售录音录像核实',
    });
    expect(thirty.status, thirty.text).toBe(200);
    const ownSixty = await post('demo-staff-sh-pd-01', 'extension', {
      limitDays: 60,
      reason: '情况特别复杂',
    });
    expect(ownSixty.status).toBe(403);
    expect(ownSixty.body.message).toBe('延长至 60 日须经上级机构审批');
    const sixty = await post('demo-staff-sh-pd', 'extension', {
      limitDays: 60,
      reason: '情况特别复杂，需多方核实',
    });
    expect(sixty.status, sixty.text).toBe(200);
    // 60 days from 2026-11-25 end in 2027, a year the calendar does not hold yet: said, never guessed.
    const statutory = sixty.body.handling?.clocks.find((c) => c.clock === 'statutory_decision');
    expect(statutory).toMatchObject({ state: 'calendar_missing', dueAt: null });
    expect(sixty.body.handling?.clocks.find((c) => c.clock === 'internal_contact')?.state).not.toBe(
      'calendar_missing',
    );
    expect((await post('demo-staff-sh-pd', 'extension', { limitDays: 30, reason: '再延' })).status).toBe(409);
    expect((await post('demo-staff-sh-pd', 'extension', { limitDays: 45, reason: '再延' })).body.field).toBe(
      'limitDays',
    );
    const own = await as<ComplaintDetail>('demo-customer-c001', 'GET', `/complaints/${id}`);
    expect(own.body.extension).toMatchObject({ limitDays: 60, reason: '情况特别复杂，需多方核实' });
  });
});

describe('waiting for the customer', () => {
  it('pauses only the response clock between waiting and the reply', async () => {
    const filed = await as<ComplaintDetail>('demo-customer-c011', 'POST', '/complaints', {
      ...fileBody(),
      policyNo: data.policies.find((p) => p.holderId === 'C011')!.policyNo,
    });
    expect(filed.status, filed.text).toBe(201);
    const id = filed.body.complaintId;
    const wait = (userId: string, body: unknown) =>
      as<ComplaintDetail>(userId, 'POST', `/staff/complaints/${id}/customer-wait`, body);
    expect((await wait('demo-staff-bj', { waiting: true, note: '等待客户补充材料' })).body.message).toBe(
      '请先认领该投诉',
    );
    expect((await as('demo-staff-bj', 'POST', `/staff/complaints/${id}/claim`)).status).toBe(200);
    expect((await wait('demo-staff-bj', { waiting: false, note: '客户已回复' })).body.message).toBe(
      '该投诉当前不在等待客户',
    );
    const waiting = await wait('demo-staff-bj', { waiting: true, note: '等待客户补充材料' });
    expect(waiting.status, waiting.text).toBe(200);
    const clocks = Object.fromEntries((waiting.body.handling?.clocks ?? []).map((c) => [c.clock, c]));
    expect(clocks.external_response).toMatchObject({ state: 'paused', dueAt: null });
    expect(clocks.statutory_decision?.dueAt).not.toBeNull();
    expect((await wait('demo-staff-bj', { waiting: 'yes', note: '说明' })).body.field).toBe('waiting');
    const replied = await wait('demo-staff-bj', { waiting: false, note: '客户已补充材料' });
    expect(replied.status).toBe(200);
    expect(replied.body.handling?.clocks.find((c) => c.clock === 'external_response')?.dueAt).not.toBeNull();
  });
});

describe('every intake channel, and the people a complaint names (回避)', () => {
  const onBehalf = (userId: string, customerId: string, overrides: Record<string, unknown> = {}) =>
    as<ComplaintDetail>(userId, 'POST', `/customers/${customerId}/complaints`, fileBody(overrides));

  it('an agent files for their customer: the agent channel, named in the received event', async () => {
    const filed = await onBehalf('demo-agent-a001', 'C001');
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body).toMatchObject({
      channel: 'agent',
      channelLabel: '代理人代为登记',
      status: 'received',
    });
    expect(filed.body.handling?.events[0]).toMatchObject({ type: 'received', actorName: '王建国' });
    const mine = await as<{ complaints: ComplaintSummary[] }>('demo-customer-c001', 'GET', '/me/complaints');
    expect(mine.body.complaints.map((c) => c.complaintId)).toContain(filed.body.complaintId);
    // Not another agent's customer, and not a policy of somebody else.
    expect((await onBehalf('demo-agent-a003', 'C001')).status).toBe(404);
    const otherPolicy = data.policies.find(
      (p) => p.holderId !== 'C001' && p.insuredId !== 'C001' && p.agentId === 'A001',
    )!;
    const wrongPolicy = await onBehalf('demo-agent-a001', 'C001', { policyNo: otherPolicy.policyNo });
    expect(wrongPolicy.status).toBe(404);
    expect(wrongPolicy.body.message).toBe('未找到该保单，请核对保单号');
    const agentWithCall = await onBehalf('demo-agent-a001', 'C001', { callId: crypto.randomUUID() });
    expect(agentWithCall.status).toBe(400);
    expect(agentWithCall.body.field).toBe('callId');
    const aboutThemself = await onBehalf('demo-agent-a001', 'C001', { aboutAgent: true });
    expect(aboutThemself.status).toBe(400);
    expect(aboutThemself.body.message).toBe(
      '涉及代理人本人的投诉须回避，请客户本人在小程序提交或致电客服热线',
    );
  });

  it('a seat files for a caller the phone system verified; an unverified or other call is refused', async () => {
    const verified = crypto.randomUUID();
    const unverified = crypto.randomUUID();
    await container.repositories.ivrCalls.create(
      {
        callId: verified,
        callingNumberMasked: '138****0001',
        verified: true,
        customerId: 'C001',
        receivedAt: FIXED_NOW,
      },
      FIXED_NOW + HOUR,
    );
    await container.repositories.ivrCalls.create(
      {
        callId: unverified,
        callingNumberMasked: '138****0002',
        verified: false,
        customerId: null,
        receivedAt: FIXED_NOW,
      },
      FIXED_NOW + HOUR,
    );
    const filed = await onBehalf('demo-staff-sh-pd-01', 'C001', { callId: verified });
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body).toMatchObject({ channel: 'phone', channelLabel: '电话（坐席代为登记）' });
    expect(await container.repositories.complaints.get(filed.body.complaintId)).toMatchObject({
      channel: 'phone',
      callId: verified,
    });
    for (const callId of [unverified, crypto.randomUUID()]) {
      const refused = await onBehalf('demo-staff-sh-pd-01', 'C001', { callId });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe('该来电未核验为此客户，请按常规方式核实身份后登记（不填来电编号）');
    }
    // The call of C001 does not identify another customer.
    const otherCustomer = data.customers.find((c) => c.customerId === 'C002')!;
    const otherPolicy = data.policies.find((p) => p.holderId === otherCustomer.customerId)!;
    const mismatched = await onBehalf('demo-staff-sh-pd-01', 'C002', {
      callId: verified,
      policyNo: otherPolicy.policyNo,
    });
    expect(mismatched.status).toBe(400);
    expect((await onBehalf('demo-staff-bj', 'C001')).status).toBe(404);
    expect((await onBehalf('demo-customer-c001', 'C001')).status).toBe(403);
  });

  it('a complaint about a staff member: that colleague may not claim it, another may', async () => {
    const filed = await onBehalf('demo-staff-sh-pd-01', 'C001', {
      category: 'service_attitude',
      namedStaffUserId: 'demo-staff-sh-pd',
    });
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body.handling?.namedPersons).toEqual(['员工 浦东中支投诉 冯涛']);
    const recused = await as('demo-staff-sh-pd', 'POST', `/staff/complaints/${filed.body.complaintId}/claim`);
    expect(recused.status).toBe(403);
    expect(recused.body.message).toBe('本投诉涉及您本人，须回避，请由其他同事认领');
    const claimed = await as<ComplaintDetail>(
      'demo-staff-sh',
      'POST',
      `/staff/complaints/${filed.body.complaintId}/claim`,
    );
    expect(claimed.status, claimed.text).toBe(200);
    const noSuchStaff = await onBehalf('demo-staff-sh-pd-01', 'C001', {
      namedStaffUserId: 'demo-agent-a001',
    });
    expect(noSuchStaff.status).toBe(400);
    expect(noSuchStaff.body.field).toBe('namedStaffUserId');
  });

  it('the customer files from the assistant: the conversation goes with it, to handlers only', async () => {
    const chat = await as<{ conversationId: string }>('demo-customer-c001', 'POST', '/assistant/messages', {
      text: '我要投诉，理赔材料交了两周都没人联系我',
    });
    expect(chat.status, chat.text).toBe(200);
    const { conversationId } = chat.body;
    const filed = await as<ComplaintDetail>(
      'demo-customer-c001',
      'POST',
      '/complaints',
      fileBody({ conversationId }),
    );
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body).toMatchObject({ channel: 'assistant', handling: null });
    const staffView = await as<ComplaintDetail>(
      'demo-staff-sh-pd',
      'GET',
      `/complaints/${filed.body.complaintId}`,
    );
    expect(staffView.body.handling?.conversation.map((t) => t.text)).toEqual([
      '我要投诉，理赔材料交了两周都没人联系我',
    ]);
    // Another customer's conversation, an anonymous one, or none at all: the same 404.
    const anonymous = await api.request<{ conversationId: string }>('POST', '/assistant/messages', {
      body: { text: '我要投诉' },
    });
    const theirs = await as<{ conversationId: string }>('demo-customer-c011', 'POST', '/assistant/messages', {
      text: '我要投诉',
    });
    for (const id of [
      anonymous.body.conversationId,
      theirs.body.conversationId,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const refused = await as('demo-customer-c001', 'POST', '/complaints', fileBody({ conversationId: id }));
      expect(refused.status).toBe(404);
      expect(refused.body.field).toBe('conversationId');
    }
  });

  it('a complaint about the policy agent is hidden from that agent', async () => {
    const filed = await as<ComplaintDetail>(
      'demo-customer-c001',
      'POST',
      '/complaints',
      fileBody({ category: 'sales_misleading', aboutAgent: true }),
    );
    expect(filed.status, filed.text).toBe(201);
    const id = filed.body.complaintId;
    const staffView = await as<ComplaintDetail>('demo-staff-sh-pd', 'GET', `/complaints/${id}`);
    expect(staffView.body.handling?.namedPersons).toEqual(['代理人 王建国']);
    expect((await as('demo-agent-a001', 'GET', `/complaints/${id}`)).status).toBe(404);
    const agentList = await as<{ complaints: ComplaintSummary[] }>(
      'demo-agent-a001',
      'GET',
      '/customers/C001/complaints',
    );
    expect(agentList.status).toBe(200);
    expect(agentList.body.complaints.map((c) => c.complaintId)).not.toContain(id);
    expect(agentList.body.complaints.length).toBeGreaterThan(0);
  });
});

describe('escalation of a breached complaint', () => {
  it('moves an urgent complaint one level up exactly once, even when two runs overlap', async () => {
    const filed = await as<ComplaintDetail>(
      'demo-customer-c001',
      'POST',
      '/complaints',
      fileBody({ category: 'sales_misleading', description: '业务员当初说保本，我已经请了律师准备起诉' }),
    );
    expect(filed.status, filed.text).toBe(201);
    const id = filed.body.complaintId;
    expect(await container.repositories.complaints.get(id)).toMatchObject({ severity: 'urgent' });

    const at = (ms: number) => ({ ...container, now: () => ms });
    const before = await escalateBreachedComplaints(at(FIXED_NOW + HOUR));
    expect(before.escalated).toBe(0);

    const runs = await Promise.all([
      escalateBreachedComplaints(at(FIXED_NOW + 3 * HOUR)),
      escalateBreachedComplaints(at(FIXED_NOW + 3 * HOUR)),
    ]);
    const parent = policyBranch.slice(0, policyBranch.lastIndexOf('/'));
    const stored = await container.repositories.complaints.get(id);
    expect(stored).toMatchObject({ handlingBranchPath: parent, escalatedClocks: ['internal_contact'] });
    const events = await container.repositories.complaints.events(id);
    expect(events.filter((e) => e.type === 'escalated')).toEqual([
      expect.objectContaining({
        fromBranchPath: policyBranch,
        toBranchPath: parent,
        clocks: ['internal_contact'],
      }),
    ]);
    // Each run escalated at most what the other had not: no complaint twice.
    expect(runs.every((r) => r.failed === 0)).toBe(true);

    // A later run finds nothing new for this clock.
    await escalateBreachedComplaints(at(FIXED_NOW + 4 * HOUR));
    expect(
      (await container.repositories.complaints.events(id)).filter((e) => e.type === 'escalated'),
    ).toHaveLength(1);

    // The 中支 now holds it in its queue; the 四级机构 no longer does.
    const zhongzhi = await as<{ complaints: ComplaintQueueItem[] }>(
      'demo-staff-sh-pd',
      'GET',
      '/staff/complaints',
    );
    expect(zhongzhi.body.complaints.find((c) => c.complaintId === id)).toMatchObject({
      handlingBranchPath: parent,
    });
    const agency = await as<{ complaints: ComplaintQueueItem[] }>(
      'demo-staff-sh-pd-01',
      'GET',
      '/staff/complaints',
    );
    expect(agency.body.complaints.map((c) => c.complaintId)).not.toContain(id);
  });

  it('never put a raw phone or ID number in a response', () => {
    for (const text of texts) {
      expect(text).not.toContain(zhangWei.idNumber);
      expect(text).not.toContain(zhangWei.phone);
    }
  });
});
