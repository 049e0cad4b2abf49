import { randomUUID } from 'node:crypto';
import { CALLBACK_CASE_SOURCE, callbackCaseId } from '@zhixiang/shared/callback/measurement';
import { attainmentCsv } from '@zhixiang/shared/standards/report';
import type { StandardVersionView } from '@zhixiang/shared/standards/schemas';
import { INGEST_HEADERS } from '@zhixiang/shared/standards/schemas';
import type { VoiceServerFrame } from '@zhixiang/shared/voice/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { signRequest } from '../../src/platform/http/verify-signed-request';
import { getStandardsAttainment } from '../../src/standards/use-cases/get-attainment';
import { ALERT_PUSH_LEASE_MS, pushStandardAlerts } from '../../src/standards/use-cases/push-alerts';
import { parseWindow } from '../../src/standards/use-cases/standards-access';
import { warnStandardBreaches } from '../../src/standards/use-cases/warn-breaches';
import { createSystem, type System } from '../../src/system';
import { demoPolicyNo, endorsementSteps } from '../endorsements/endorsement-steps';
import { type ApiClient, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { listenToVoiceAs } from '../support/voice-listener';

/**
 * Service standards through the real gateway against DynamoDB Local: a real endorsement reaches
 * the measurement stream with its audit events; the insurer's other systems send theirs through
 * the signed route, once each; an admin drafts, locks and pilots a standard in one 中支, the
 * evaluation shows the difference, the version is rolled out and fixed, and a breach then raises
 * one warning escalated a level up. Bad input is refused in Chinese with nothing written.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Tuesday 2026-12-01 10:00 in Shanghai. */
let clock = Date.parse('2026-12-01T02:00:00Z');
let container: System;
let gateway: TestGateway;
let api: ApiClient;
/** A request as a seeded user, with a token issued on the test's clock (it jumps days ahead). */
async function as<T>(userId: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const user = await container.repositories.users.get(userId);
  if (!user) throw new Error(`no user ${userId}`);
  const { token } = await container.accessTokens.issue(claimsFor(user));
  const response = await api.request<T & { code?: string; message?: string; field?: string }>(method, path, {
    token,
    ...(body === undefined ? {} : { body }),
  });
  return response;
}

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: () => clock }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: '2026-12-01' });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

async function ingest(body: unknown, overrides: { key?: string; nonce?: string } = {}) {
  const rawBody = JSON.stringify(body);
  const timestamp = String(clock);
  const nonce = overrides.nonce ?? randomUUID();
  const secret = overrides.key ?? (await container.secrets.standardsSigningSecret());
  return api.request<{ accepted: number; repeated: number; message?: string; field?: string }>(
    'POST',
    '/standards/events',
    {
      rawBody,
      headers: {
        'content-type': 'application/json',
        [INGEST_HEADERS.timestamp]: timestamp,
        [INGEST_HEADERS.nonce]: nonce,
        [INGEST_HEADERS.signature]: signRequest(secret, timestamp, nonce, rawBody),
      },
    },
  );
}

/** A claim case (理赔) from the claims system: documents complete at `start`, decided at `stop` (or not yet). */
function claimCase(id: string, branchPath: string, start: number, stop: number | null) {
  return [
    {
      eventId: `${id}-docs`,
      type: 'claim.documents_complete',
      at: new Date(start).toISOString(),
      caseId: id,
      branchPath,
    },
    ...(stop === null
      ? []
      : [
          {
            eventId: `${id}-decided`,
            type: 'claim.decided',
            at: new Date(stop).toISOString(),
            caseId: id,
            branchPath,
          },
        ]),
  ];
}

const CLAIM_DRAFT = {
  journey: 'claim',
  touchpoint: '理赔审核',
  name: '资料齐全的理赔 3 个工作日内作出理赔决定',
  measuredFrom: '理赔系统：claim.documents_complete → claim.decided',
  metric: { kind: 'duration', start: ['claim.documents_complete'], stop: ['claim.decided'], pauses: [] },
  target: { limitMs: 3 * 24 * HOUR, bound: 'within', clock: { kind: 'business_days' }, requiredShare: 0.9 },
  scope: [],
  benchmark: { value: '3 个工作日', source: '同业理赔时效调研（2026）' },
};

describe('the measurement stream', () => {
  it("carries a real endorsement's audit events, with its branch and policy", async () => {
    const steps = endorsementSteps(
      () => container,
      () => api,
    );
    const policyNo = demoPolicyNo('C001', 'PL01');
    const { created, submitted } = await steps.complete('demo-customer-c001', policyNo, {
      type: 'contact_change',
      address: '上海市浦东新区银城中路501号3203室',
    });
    expect(submitted.status, submitted.text).toBe(200);
    const events = await container.measurements.listCase(`endorsement:${created.applicationId}`);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'endorsement.created',
        'endorsement.submitted_self_service',
        'endorsement.approved',
        'endorsement.effective',
      ]),
    );
    const policy = await container.repositories.policies.get(policyNo);
    expect(new Set(events.map((e) => e.branchPath))).toEqual(new Set([policy?.branchPath]));
    expect(events.every((e) => e.policyNo === policyNo && e.source === 'system')).toBe(true);
  });

  it("carries a complaint's event log, receipt named by its severity", async () => {
    const filed = await as<{ complaintId: string }>('demo-customer-c001', 'POST', '/complaints', {
      category: 'claims',
      description: '理赔材料提交后两周没有任何进度，电话也打不通',
      policyNo: demoPolicyNo('C001', 'PL01'),
      preferredContactTime: 'afternoon',
    });
    expect(filed.status, filed.text).toBe(201);
    const events = await container.measurements.listCase(`complaint:${filed.body.complaintId}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: expect.stringMatching(/^complaint\.received_(urgent|ordinary)$/),
      at: clock,
      source: 'system',
      policyNo: demoPolicyNo('C001', 'PL01'),
    });
  });
});

describe("the new-policy callback's case", () => {
  it('is opened by the policy administration system under the policy number our completion stops', async () => {
    const policyNo = demoPolicyNo('C001', 'AN01');
    const sent = await ingest({
      source: CALLBACK_CASE_SOURCE,
      events: [
        {
          eventId: `receipt-${policyNo}`,
          type: 'new_policy_callback.receipt_signed',
          at: new Date(clock - 2 * DAY).toISOString(),
          caseId: policyNo,
          branchPath: 'HQ/SH/SH-PD',
          policyNo,
        },
      ],
    });
    expect(sent.status, sent.text).toBe(200);
    expect(await container.measurements.listCase(callbackCaseId(policyNo))).toEqual([
      expect.objectContaining({ type: 'new_policy_callback.receipt_signed', source: 'ingested' }),
    ]);
  });
});

describe('the signed ingestion route', () => {
  const good = {
    source: 'claims',
    events: claimCase('CLM-INGEST-0001', 'HQ/BJ/BJ-HD', clock - 2 * DAY, clock - DAY),
  };

  it('refuses unsigned and wrongly signed requests', async () => {
    const unsigned = await api.request('POST', '/standards/events', { body: good });
    expect(unsigned.status).toBe(401);
    const forged = await ingest(good, { key: 'x'.repeat(40) });
    expect(forged.status).toBe(401);
    expect(forged.body.message).toBe('签名校验失败');
    expect(await container.measurements.listCase('claims:CLM-INGEST-0001')).toEqual([]);
  });

  it('refuses bad input in Chinese and writes nothing of the batch', async () => {
    const badType = await ingest({
      source: 'claims',
      events: [{ ...good.events[0], type: 'Claim Reported' }],
    });
    expect(badType.status).toBe(400);
    expect(badType.body.message).toMatch(/事件类型格式应为「来源\.步骤」/);
    const future = await ingest({
      source: 'claims',
      events: [...good.events, ...claimCase('CLM-INGEST-0002', 'HQ/BJ/BJ-HD', clock + DAY, null)],
    });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({
      message: '第 3 个事件的发生时间晚于当前时间，请检查发送方时钟',
      field: 'events.2.at',
    });
    const twice = await ingest({ source: 'claims', events: [good.events[0], good.events[0]] });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toBe('同一批次中事件编号重复，请去重后重新提交');
    const noZone = await ingest({
      source: 'claims',
      events: [{ ...good.events[0], at: '2026-11-30 10:00' }],
    });
    expect(noZone.status).toBe(400);
    expect(noZone.body.message).toMatch(/带时区的 ISO 8601 时间/);
    expect(await container.measurements.listCase('claims:CLM-INGEST-0001')).toEqual([]);
  });

  it('takes each event once: a resend is counted as repeated, not written again', async () => {
    const first = await ingest(good);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ accepted: 2, repeated: 0 });
    const again = await ingest(good);
    expect(again.body).toEqual({ accepted: 0, repeated: 2 });
    const events = await container.measurements.listCase('claims:CLM-INGEST-0001');
    expect(events.map((e) => e.type)).toEqual(['claim.documents_complete', 'claim.decided']);
    expect(events[0]).toMatchObject({
      source: 'ingested',
      actor: 'claims',
      eventId: 'claims:CLM-INGEST-0001-docs',
    });
  });
});

describe('satisfaction ratings', () => {
  const rated = (id: string, type: string, branchPath: string, score?: number) => ({
    eventId: `rating-${id}`,
    type,
    at: new Date(clock - HOUR).toISOString(),
    caseId: `rating-case-${id}`,
    branchPath,
    ...(score === undefined ? {} : { score }),
  });

  it('are refused without a score, with one on another event, or out of 1–5, nothing written', async () => {
    const missing = await ingest({
      source: 'callcentre',
      events: [rated('r0', 'endorsement.rated', 'HQ/SH')],
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      message: '第 1 个事件是满意度评价，请填写 1–5 的评分',
      field: 'events.0.score',
    });
    const stray = await ingest({
      source: 'callcentre',
      events: [rated('r1', 'endorsement.rated', 'HQ/SH', 4), rated('r2', 'claim.decided', 'HQ/SH', 4)],
    });
    expect(stray.status).toBe(400);
    expect(stray.body.message).toBe('第 2 个事件不是满意度评价，不能带评分');
    const outOfRange = await ingest({
      source: 'callcentre',
      events: [rated('r3', 'endorsement.rated', 'HQ/SH', 6)],
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.message).toBe('评分应为 1–5 的整数');
    const notWhole = await ingest({
      source: 'callcentre',
      events: [rated('r4', 'endorsement.rated', 'HQ/SH', 4.5)],
    });
    expect(notWhole.status).toBe(400);
    expect(await container.measurements.listCase('callcentre:rating-case-r1')).toEqual([]);
  });

  it('join the report per journey × branch, by name: count, average and low share, in the CSV too', async () => {
    const sent = await ingest({
      source: 'callcentre',
      events: [
        rated('s1', 'endorsement.rated', 'HQ/SH/SH-PD', 5),
        rated('s2', 'endorsement.rated', 'HQ/SH/SH-PD', 4),
        rated('s3', 'endorsement.rated', 'HQ/SH/SH-PD', 1),
        rated('s4', 'endorsement.rated', 'HQ/BJ', 2),
      ],
    });
    expect(sent.body).toEqual({ accepted: 4, repeated: 0 });
    type Report = Parameters<typeof attainmentCsv>[0];
    const report = await as<Report>(
      'demo-staff-sh',
      'GET',
      '/standards/attainment?from=2026-11-20&to=2026-12-01',
    );
    expect(report.status, report.text).toBe(200);
    const endorsement = report.body.ratings.filter((r) => r.journey === 'endorsement');
    // Beijing's rating is outside 上海's subtree.
    expect(endorsement).toEqual([
      {
        journey: 'endorsement',
        journeyLabel: '保全变更',
        branchPath: 'HQ/SH/SH-PD',
        branchName: '浦东中心支公司',
        count: 3,
        average: 3.33,
        low: 1,
        lowShare: 1 / 3,
      },
    ]);
    expect(attainmentCsv(report.body).split('\r\n')).toContain(
      '保全变更,浦东中心支公司,HQ/SH/SH-PD,3,3.33,1,33.3%',
    );
  });
});

describe('a standard piloted in one 中支, evaluated, rolled out and fixed', () => {
  const ID = 'claim_decision_pilot';
  let pilotAt = 0;

  it('is drafted with its peer benchmark and locked; a step out of order is refused', async () => {
    const drafted = await as<StandardVersionView>(
      'demo-admin',
      'POST',
      `/standards/${ID}/versions`,
      CLAIM_DRAFT,
    );
    expect(drafted.status, drafted.text).toBe(201);
    expect(drafted.body).toMatchObject({
      version: 1,
      status: 'draft',
      journeyLabel: '理赔',
      targetText: '90% 的个案在 3 个工作日内完成',
      benchmark: { source: '同业理赔时效调研（2026）' },
    });
    const skip = await as<StandardVersionView>('demo-admin', 'POST', `/standards/${ID}/status`, {
      version: 1,
      to: 'pilot',
      pilotBranches: ['HQ/SH/SH-PD'],
    });
    expect(skip.status).toBe(409);
    expect(skip.body.message).toBe('该版本当前为「草案（流程梳理、调研对标）」，下一步只能是「目标已锁定」');
    const locked = await as<StandardVersionView>('demo-admin', 'POST', `/standards/${ID}/status`, {
      version: 1,
      to: 'locked',
    });
    expect(locked.body.status).toBe('locked');
  });

  it('pilots in 浦东中心支公司 only: staff there see its cases, Beijing staff do not', async () => {
    const noBranch = await as<StandardVersionView>('demo-admin', 'POST', `/standards/${ID}/status`, {
      version: 1,
      to: 'pilot',
      pilotBranches: [],
    });
    expect(noBranch.status).toBe(400);
    expect(noBranch.body.message).toBe('试点须至少选择一个机构');
    pilotAt = clock;
    const piloted = await as<StandardVersionView>('demo-admin', 'POST', `/standards/${ID}/status`, {
      version: 1,
      to: 'pilot',
      pilotBranches: ['HQ/SH/SH-PD'],
    });
    expect(piloted.status, piloted.text).toBe(200);
    expect(piloted.body).toMatchObject({
      status: 'pilot',
      pilotBranches: ['HQ/SH/SH-PD'],
      steps: { pilot: pilotAt },
    });

    // Ten days on: before the pilot half the 浦东 claims were decided in time; during it 19 of 20;
    // 闵行 (not piloting) stayed at half.
    clock = pilotAt + 10 * DAY;
    const events = [];
    for (let i = 0; i < 20; i++) {
      const slow = i % 2 === 0;
      const before = pilotAt - 10 * DAY + i * 6 * HOUR;
      events.push(...claimCase(`PD-BEFORE-${i}`, 'HQ/SH/SH-PD', before, before + (slow ? 6 : 1) * DAY));
      const after = pilotAt + i * 3 * HOUR;
      events.push(
        ...claimCase(`PD-AFTER-${i}`, 'HQ/SH/SH-PD/SH-PD-01', after, after + (i === 0 ? 7 : 1) * DAY),
      );
      events.push(...claimCase(`MH-AFTER-${i}`, 'HQ/SH/SH-MH', after, after + (slow ? 7 : 1) * DAY));
    }
    for (let i = 0; i < events.length; i += 100) {
      const sent = await ingest({ source: 'claims', events: events.slice(i, i + 100) });
      expect(sent.status, sent.text).toBe(200);
    }

    const pd = await as<{
      standards: { standardId: string; cases: number; met: number; rate: number }[];
      cells: { branchPath: string }[];
    }>('demo-staff-sh-pd', 'GET', `/standards/attainment?from=2026-12-01&to=2026-12-11`);
    expect(pd.status, pd.text).toBe(200);
    expect(pd.body.standards.find((s) => s.standardId === ID)).toMatchObject({ cases: 20, met: 19 });
    expect(pd.body.cells.every((c) => c.branchPath.startsWith('HQ/SH/SH-PD'))).toBe(true);
    const bj = await as<{ standards: { standardId: string; cases: number }[] }>(
      'demo-staff-bj',
      'GET',
      '/standards/attainment?from=2026-12-01&to=2026-12-11',
    );
    expect(bj.body.standards.find((s) => s.standardId === ID)?.cases).toBe(0);
  });

  it('evaluates before against after and pilot against the other branches, with the test named', async () => {
    const evaluation = await as<{
      beforeAfter: { difference: number; significant: boolean; test: string; groupA: { n: number } }[];
      pilotVsOthers: { difference: number; significant: boolean; verdict: string }[];
    }>('demo-staff-sh', 'GET', `/standards/${ID}/evaluation`);
    expect(evaluation.status, evaluation.text).toBe(200);
    const [share, durations] = evaluation.body.beforeAfter;
    expect(share).toMatchObject({ test: 'two_proportion_z', significant: true, groupA: { n: 20 } });
    expect(share?.difference).toBeCloseTo(0.45, 9);
    expect(durations?.test).toBe('mann_whitney_u');
    expect(evaluation.body.pilotVsOthers[0]?.difference).toBeCloseTo(0.45, 9);
    expect(evaluation.body.pilotVsOthers[0]?.verdict).toMatch(/^差异显著/);
  });

  it('exports attainment as CSV, as the admin CLI prints it', async () => {
    const report = await getStandardsAttainment(
      container,
      { sub: 'admin-cli', role: 'admin' },
      parseWindow({ from: '2026-12-01', to: '2026-12-11' }, clock),
    );
    const csv = attainmentCsv(report);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('统计区间,2026-12-01 至 2026-12-11');
    expect(lines[1]).toBe('旅程,触点,标准,标准编号,达标要求,个案数,达标,未达标,进行中,达标率,是否达标');
    expect(lines).toContain('标准编号,机构,机构路径,统计期,个案数,达标,未达标,进行中,达标率');
    expect(lines).toContain(
      `理赔,理赔审核,资料齐全的理赔 3 个工作日内作出理赔决定,${ID},90%,20,19,1,0,95%,达标`,
    );
    // By day: the first five 张江 claims started on 12-01 (10:00 to 22:00), the first of them late.
    expect(lines).toContain(`${ID},张江营销服务部,HQ/SH/SH-PD/SH-PD-01,2026-12-01,5,4,1,0,80%`);
  });

  it('is rolled out, evaluated and fixed; a late case then warns and escalates, once per level', async () => {
    for (const to of ['rolled_out', 'evaluated', 'fixed']) {
      const moved = await as<StandardVersionView>('demo-admin', 'POST', `/standards/${ID}/status`, {
        version: 1,
        to,
      });
      expect(moved.status, moved.text).toBe(200);
    }
    const list = await as<{ standards: StandardVersionView[][] }>('demo-staff-sh', 'GET', '/standards');
    const fixed = list.body.standards.flat().find((v) => v.standardId === ID);
    expect(fixed).toMatchObject({ status: 'fixed', evaluation: { version: 1 } });
    const audit = await container.repositories.standards.listAudit(ID);
    expect(audit.map((a) => a.action)).toEqual([
      'draft',
      'locked',
      'pilot',
      'rolled_out',
      'evaluated',
      'fixed',
    ]);
    expect(audit.every((a) => a.actorId === 'demo-admin')).toBe(true);

    // A 张江 claim (浦东, piloting since 10 days ago) whose documents were complete 6 days ago and
    // is still not decided. (A 闵行 one that old started before the roll-out: no version judged it.)
    const late = await ingest({
      source: 'claims',
      events: claimCase('PD-LATE-1', 'HQ/SH/SH-PD/SH-PD-01', clock - 6 * DAY, null),
    });
    expect(late.body.accepted).toBe(1);
    const logged: unknown[] = [];
    const logger = { warn: (_: string, ...detail: unknown[]) => void logged.push(detail[0]) };
    // Two runs at once (an overrun and the next schedule): each case × level is raised once. The
    // case is 4 business days into a 3-day clock: its warning (to 张江) and its breach (to 浦东).
    const [first, second] = await Promise.all([
      warnStandardBreaches({ ...container, logger }),
      warnStandardBreaches({ ...container, logger }),
    ]);
    expect(first.raised + second.raised).toBe(2);
    expect(first.repeated + second.repeated).toBe(2);
    expect(await warnStandardBreaches({ ...container, logger })).toEqual({
      alerting: 1,
      raised: 0,
      repeated: 2,
    });
    // Written at once by the run's workers: in either order.
    const byLevel = (x: unknown) => (x as { level: number }).level;
    expect([...logged].sort((a, b) => byLevel(a) - byLevel(b))).toEqual([
      expect.objectContaining({ caseId: 'claims:PD-LATE-1', level: 0, escalatedTo: '张江营销服务部' }),
      expect.objectContaining({ caseId: 'claims:PD-LATE-1', level: 1, escalatedTo: '浦东中心支公司' }),
    ]);
    // Each alert audited with the standard's steps, by the system.
    const alertAudit = (await container.repositories.standards.listAudit(ID)).filter(
      (a) => a.action === 'alert',
    );
    expect(alertAudit.map((a) => [a.actorId, a.detail])).toEqual([
      ['system', 'claims:PD-LATE-1 第 0 级 → HQ/SH/SH-PD/SH-PD-01'],
      ['system', 'claims:PD-LATE-1 第 1 级 → HQ/SH/SH-PD'],
    ]);

    const breaches = await as<{
      cases: {
        caseId: string;
        status: string;
        stopAt: null;
        branchName: string;
        alerts: { level: number; label: string; escalatedToName: string }[];
        timeline: { type: string }[];
      }[];
    }>('demo-staff-sh', 'GET', `/standards/${ID}/breaches?from=2026-12-01&to=2026-12-11`);
    expect(breaches.status, breaches.text).toBe(200);
    expect(breaches.body.cases.find((c) => c.caseId === 'claims:PD-LATE-1')).toMatchObject({
      status: 'breached',
      stopAt: null,
      branchName: '张江营销服务部',
      alerts: [
        { level: 0, label: '临近超时预警', escalatedToName: '张江营销服务部' },
        { level: 1, label: '超时升级', escalatedToName: '浦东中心支公司' },
      ],
      timeline: [{ type: 'claim.documents_complete' }],
    });

    // The alerts reach the staff of the branch they went to and every level above; a sibling
    // branch (北京) sees none of them.
    type Alerts = {
      alerts: { caseId: string; level: number; branchName: string; escalatedToName: string }[];
    };
    const toShanghai = await as<Alerts>(
      'demo-staff-sh',
      'GET',
      '/standards/alerts?from=2026-12-01&to=2026-12-11',
    );
    expect(toShanghai.status, toShanghai.text).toBe(200);
    expect(toShanghai.body.alerts.map((a) => [a.caseId, a.level, a.escalatedToName])).toEqual([
      ['claims:PD-LATE-1', 1, '浦东中心支公司'],
      ['claims:PD-LATE-1', 0, '张江营销服务部'],
    ]);
    const toBeijing = await as<Alerts>(
      'demo-staff-bj',
      'GET',
      '/standards/alerts?from=2026-12-01&to=2026-12-11',
    );
    expect(toBeijing.status, toBeijing.text).toBe(200);
    expect(toBeijing.body.alerts).toEqual([]);
    const badDay = await as<Alerts>('demo-staff-sh', 'GET', '/standards/alerts?from=2026-13-01');
    expect(badDay.status).toBe(400);
    expect(badDay.body.message).toMatch(/开始日期/);
    // Executives oversee their subtree's breaches (浦东's are all of these), each policy number masked.
    await ingest({
      source: 'claims',
      events: claimCase('PD-LATE-2', 'HQ/SH/SH-PD/SH-PD-01', clock - 6 * DAY, null).map((e) => ({
        ...e,
        policyNo: 'P2026120100000123',
      })),
    });
    type Breaches = { cases: { caseId: string; policyNo: string | null }[] };
    const path = `/standards/${ID}/breaches?from=2026-12-01&to=2026-12-11`;
    const forStaff = await as<Breaches>('demo-staff-sh', 'GET', path);
    expect(forStaff.body.cases.find((c) => c.caseId === 'claims:PD-LATE-2')?.policyNo).toBe(
      'P2026120100000123',
    );
    const forExecutive = await as<Breaches>('demo-exec-sh-pd', 'GET', path);
    expect(forExecutive.status, forExecutive.text).toBe(200);
    expect(forExecutive.body.cases.map((c) => c.caseId)).toEqual(forStaff.body.cases.map((c) => c.caseId));
    expect(forExecutive.body.cases.find((c) => c.caseId === 'claims:PD-LATE-2')?.policyNo).toBe(
      'P202*********0123',
    );
    const attainment = await as<unknown>(
      'demo-exec-sh-pd',
      'GET',
      '/standards/attainment?from=2026-12-01&to=2026-12-11',
    );
    expect(attainment.status, attainment.text).toBe(200);

    const again = await as<StandardVersionView>('demo-admin', 'POST', `/standards/${ID}/status`, {
      version: 1,
      to: 'fixed',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('该版本已固化，不能再变更，请新建版本');
  });
});

describe('standards alerts pushed to the staff and executives listening', () => {
  /** The standard fixed above, whose late claims raised their alerts. */
  const ID = 'claim_decision_pilot';
  const listenAs = (userId: string) => listenToVoiceAs(container, gateway.liveChatUrl, userId);
  const silent = { warn: () => {}, error: () => {} };
  type AlertFrame = Extract<VoiceServerFrame, { type: 'voice_standard_alert' }>;
  const alertFrames = (frames: readonly VoiceServerFrame[], caseLevel?: number) =>
    frames.filter(
      (f): f is AlertFrame =>
        f.type === 'voice_standard_alert' && (caseLevel === undefined || f.alert.level === caseLevel),
    );

  it('reach the branch an alert went to and every level above, once per alert and level, audited', async () => {
    const pudong = await listenAs('demo-exec-sh-pd');
    const zhangjiang = await listenAs('demo-staff-sh-pd-01');
    const beijing = await listenAs('demo-staff-bj');
    try {
      for (const l of [pudong, zhangjiang, beijing])
        await l.waitFor((f) => f.type === 'voice_listening', 'listening');
      // Two runs at once: each of the late claim's two alerts (raised above) is pushed by one of them.
      const [a, b] = await Promise.all([
        pushStandardAlerts({ ...container, logger: silent }),
        pushStandardAlerts({ ...container, logger: silent }),
      ]);
      expect([a.pushed + b.pushed, a.failed + b.failed]).toEqual([2, 0]);
      expect(await pushStandardAlerts({ ...container, logger: silent })).toEqual({
        pushed: 0,
        taken: 0,
        failed: 0,
      });
      await pudong.waitFor(
        (f) => alertFrames([f]).length === 1 && (f as AlertFrame).alert.level === 1,
        'the breach',
      );
      await zhangjiang.waitFor((f) => alertFrames([f]).length === 1, 'the warning');
      // 浦东's executive hears both (the warning to 张江 below it, the breach to 浦东 itself); 张江's
      // staff only the warning that went to 张江; Beijing nothing.
      expect(alertFrames(pudong.frames).map((f) => f.alert)).toEqual(
        expect.arrayContaining([
          {
            alertKey: expect.stringMatching(/^[0-9a-f]{24}$/),
            standardId: ID,
            standardName: CLAIM_DRAFT.name,
            journeyLabel: '理赔',
            level: 0,
            levelLabel: '临近超时预警',
            branchName: '张江营销服务部',
            escalatedToName: '张江营销服务部',
            policyNo: null,
            startAt: new Date(clock - 6 * DAY).toISOString(),
            raisedAt: expect.any(String),
          },
          expect.objectContaining({ level: 1, levelLabel: '超时升级', escalatedToName: '浦东中心支公司' }),
        ]),
      );
      expect(alertFrames(pudong.frames)).toHaveLength(2);
      expect(alertFrames(zhangjiang.frames).map((f) => f.alert.level)).toEqual([0]);
      expect(alertFrames(beijing.frames)).toEqual([]);
      // No case id in a push (a case id may carry a policy number).
      expect(JSON.stringify(pudong.frames)).not.toContain('PD-LATE-1');
      const pushedAudit = (await container.repositories.standards.listAudit(ID)).filter(
        (x) => x.action === 'alert_pushed',
      );
      expect(pushedAudit.map((x) => [x.actorId, x.detail.split(' ')[0]])).toEqual([
        ['system', 'claims:PD-LATE-1'],
        ['system', 'claims:PD-LATE-1'],
      ]);
    } finally {
      pudong.close();
      zhangjiang.close();
      beijing.close();
    }
  });

  it('retry a failed push later, and survive a run that dies between pushing and recording it', async () => {
    const pudong = await listenAs('demo-exec-sh-pd');
    try {
      await pudong.waitFor((f) => f.type === 'voice_listening', 'listening');
      // The second late claim (its policy number masked in the push) raises its two alerts.
      expect((await warnStandardBreaches({ ...container, logger: silent })).raised).toBe(2);
      const down = {
        ...container,
        liveChatPusher: {
          push: async () => {
            throw new Error('WebSocket 网关不可用');
          },
        },
        logger: silent,
      };
      expect(await pushStandardAlerts(down)).toMatchObject({ pushed: 0, failed: 2 });
      // Due again a minute later, not before.
      expect(await pushStandardAlerts({ ...container, logger: silent })).toMatchObject({ pushed: 0 });
      // The next attempt: pushed, but the run dies before recording it (nor its failure).
      const standards = container.repositories.standards;
      const dying = Object.assign(Object.create(standards), {
        completeAlertPush: async () => {
          throw new Error('process died');
        },
        recordAlertPushFailure: async () => {
          throw new Error('process died');
        },
      }) as typeof standards;
      const later = (ms: number) => () => clock + ms;
      expect(
        await pushStandardAlerts({
          ...container,
          repositories: { ...container.repositories, standards: dying },
          now: later(61_000),
          logger: silent,
        }),
      ).toMatchObject({ pushed: 0, failed: 2 });
      const late2 = () => alertFrames(pudong.frames).filter((f) => f.alert.policyNo === 'P202*********0123');
      await pudong.waitFor(() => late2().length === 2, 'the pushes before the crash');
      // Held by the dead run's lease until it ends; then pushed again with the same keys (shown once).
      expect(await pushStandardAlerts({ ...container, now: later(62_000), logger: silent })).toMatchObject({
        pushed: 0,
      });
      expect(
        await pushStandardAlerts({ ...container, now: later(61_000 + ALERT_PUSH_LEASE_MS), logger: silent }),
      ).toMatchObject({ pushed: 2, failed: 0 });
      await pudong.waitFor(() => late2().length === 4, 'the retried pushes');
      expect(new Set(late2().map((f) => f.alert.alertKey)).size).toBe(2);
      const pushedAudit = (await container.repositories.standards.listAudit(ID)).filter(
        (x) => x.action === 'alert_pushed' && x.detail.startsWith('claims:PD-LATE-2'),
      );
      expect(pushedAudit).toHaveLength(2);
      expect(
        await pushStandardAlerts({ ...container, now: later(10 * 60_000), logger: silent }),
      ).toMatchObject({ pushed: 0, failed: 0 });
    } finally {
      pudong.close();
    }
  });
});

describe('bad input to the admin and staff routes', () => {
  it('is refused in Chinese, with nothing written', async () => {
    const noLimit = await as<StandardVersionView>(
      'demo-admin',
      'POST',
      '/standards/loan_payout_time/versions',
      {
        ...CLAIM_DRAFT,
        journey: 'policy_loan',
        target: { requiredShare: 0.95 },
      },
    );
    expect(noLimit.status).toBe(400);
    expect(noLimit.body.message).toBe('时长类标准须填写时限、时限方向和计时方式');
    const badShare = await as<StandardVersionView>(
      'demo-admin',
      'POST',
      '/standards/loan_payout_time/versions',
      {
        ...CLAIM_DRAFT,
        target: { ...CLAIM_DRAFT.target, requiredShare: 1.5 },
      },
    );
    expect(badShare.status).toBe(400);
    expect(badShare.body.message).toMatch(/达标比例不能超过 1/);
    const badId = await as<StandardVersionView>(
      'demo-admin',
      'POST',
      '/standards/Loan-Payout/versions',
      CLAIM_DRAFT,
    );
    expect(badId.status).toBe(400);
    expect(await container.repositories.standards.listVersions('loan_payout_time')).toEqual([]);

    const moved = await as<StandardVersionView>(
      'demo-admin',
      'POST',
      '/standards/claim_decision_time/versions',
      {
        ...CLAIM_DRAFT,
        journey: 'maturity_benefit',
      },
    );
    expect(moved.status).toBe(400);
    expect(moved.body.message).toBe('服务标准所属旅程不能变更，请新建另一项标准');
    expect(await container.repositories.standards.listVersions('claim_decision_time')).toHaveLength(1);

    const backwards = await as('demo-staff-sh', 'GET', '/standards/attainment?from=2026-12-10&to=2026-12-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toBe('结束日期不能早于开始日期');
    const tooLong = await as('demo-staff-sh', 'GET', '/standards/attainment?from=2026-01-01&to=2026-12-01');
    expect(tooLong.body.message).toBe('统计区间最长 93 天，请缩短日期范围');
    const noDay = await as('demo-staff-sh', 'GET', '/standards/attainment?from=2026-02-30&to=2026-03-01');
    expect(noDay.status).toBe(400);
    expect(noDay.body.message).toMatch(/开始日期不存在/);
    const unknown = await as('demo-staff-sh', 'GET', '/standards/no_such_standard/breaches');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('未找到该服务标准');
  });
});

describe('a claim reopened after its case closed', () => {
  it('is a new case of the fixed standard: it raises its own alerts, apart from the first case’s', async () => {
    const ID = 'claim_decision_pilot';
    const silent = { warn: () => {} };
    const started = clock;
    try {
      // Decided 4 business days after its documents were complete (breached, closed: its warning and
      // its breach at once); then reopened.
      const first = claimCase('PD-AGAIN', 'HQ/SH/SH-PD/SH-PD-01', clock - 6 * DAY, clock - HOUR);
      const reopened = claimCase('PD-AGAIN', 'HQ/SH/SH-PD/SH-PD-01', clock - HOUR / 2, null).map((e) => ({
        ...e,
        eventId: `${e.eventId}-2`,
      }));
      expect((await ingest({ source: 'claims', events: [...first, ...reopened] })).body.accepted).toBe(3);
      await warnStandardBreaches({ ...container, logger: silent });
      // Six days later (inside the job's 7-day look-back) the reopened case is 4 business days into
      // its 3-day clock.
      clock += 6 * DAY;
      await warnStandardBreaches({ ...container, logger: silent });
      const alerts = (await container.repositories.standards.listAlerts(ID)).filter(
        (a) => a.caseId === 'claims:PD-AGAIN',
      );
      expect(alerts.map((a) => [a.startAt - started, a.level]).sort()).toEqual(
        [
          [-6 * DAY, 0],
          [-6 * DAY, 1],
          [-HOUR / 2, 0],
          [-HOUR / 2, 1],
        ].sort(),
      );
    } finally {
      clock = started;
    }
  });
});
