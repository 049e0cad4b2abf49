import type { ComplaintReport } from '@zhixiang/shared/complaints/report';
import type { ComplaintDetail } from '@zhixiang/shared/complaints/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor, requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * The complaints report through the real gateway: complaints filed, handled and rated through the
 * routes, the in-force policies counted, then the report's figures, its CSV (BOM, CRLF, no personal
 * data), the subtree rule and bad periods.
 */
const data = buildDemoData(FIXED_TODAY);
const policyOf = (customerId: string) =>
  data.policies.find((p) => p.holderId === customerId && p.insuredId === customerId)!;
const zhang = policyOf('C001');
const beijing = policyOf('C011');
const inForce = (path: string) =>
  data.policies.filter((p) => p.status === 'in_force' && p.branchPath === path).length;
const PERIOD = `from=${FIXED_TODAY.slice(0, 8)}01&to=${FIXED_TODAY}`;

let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);

const file = async (customerUserId: string, policyNo: string, category: string) => {
  const response = await as<ComplaintDetail>(customerUserId, 'POST', '/complaints', {
    category,
    description: '理赔材料提交后两周没有任何进度，电话也打不通',
    policyNo,
    preferredContactTime: 'any',
  });
  expect(response.status, response.text).toBe(201);
  return response.body.complaintId;
};

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);

  // Two complaints about 张伟's policy: one handled to its decision at once and rated 2, one open.
  const decided = await file('demo-customer-c001', zhang.policyNo, 'claims');
  await file('demo-customer-c001', zhang.policyNo, 'service_attitude');
  await file('demo-customer-c011', beijing.policyNo, 'claims');
  const staff = 'demo-staff-sh';
  expect((await as(staff, 'POST', `/staff/complaints/${decided}/claim`)).status).toBe(200);
  for (const step of ['contacted', 'responded', 'decided'])
    expect(
      (await as(staff, 'POST', `/staff/complaints/${decided}/steps`, { step, note: '已与客户沟通并答复' }))
        .status,
    ).toBe(200);
  const rated = await as('demo-customer-c001', 'POST', `/complaints/${decided}/rating`, { score: 2 });
  expect(rated.status, rated.text).toBe(200);
});

afterAll(async () => {
  await gateway?.close();
});

describe('the complaints report', () => {
  it('has no rate before the policies are counted', async () => {
    const report = await as<ComplaintReport>('demo-staff-sh', 'GET', `/staff/complaints/report?${PERIOD}`);
    expect(report.status, report.text).toBe(200);
    expect(report.body.policiesCountedAt).toBeNull();
    expect(report.body.totals).toEqual({ complaints: 2, policies: null, perTenThousand: null });
  });

  it('counts per branch and category, per 10,000 policies, clocks, repeats, ratings — for the subtree', async () => {
    await container.repositories.complaints.countPolicies(new Date(container.now()).toISOString());
    const response = await as<ComplaintReport>('demo-staff-sh', 'GET', `/staff/complaints/report?${PERIOD}`);
    expect(response.status, response.text).toBe(200);
    const report = response.body;
    expect(report.branchPath).toBe('HQ/SH');
    const row = report.branches.find((b) => b.branchPath === zhang.branchPath)!;
    const policies = inForce(zhang.branchPath);
    expect(row).toMatchObject({ complaints: 2, policies });
    expect(row.perTenThousand).toBe(Math.round((2 * 1_000_000) / policies) / 100);
    expect(row.byCategory.map((c) => [c.label, c.complaints])).toEqual([
      ['理赔', 1],
      ['服务态度', 1],
    ]);
    expect(report.branches.some((b) => b.branchPath.startsWith('HQ/BJ'))).toBe(false);
    const clocks = Object.fromEntries(report.clocks.map((c) => [c.clock, c]));
    expect(clocks.external_response).toMatchObject({
      cases: 2,
      met: 1,
      open: 1,
      attainmentBasisPoints: 10_000,
    });
    expect(clocks.statutory_15).toMatchObject({ cases: 2, met: 1, open: 1 });
    // The second complaint by the same customer within 30 days is a repeat (urgent, by the rule).
    expect(report.repeats).toEqual({ complaints: 1, shareBasisPoints: 5000 });
    expect(report.satisfaction).toEqual({ rated: 1, average: 2, low: 1, lowShareBasisPoints: 10_000 });
    expect(report.rectifications.open).toBe(0);
  });

  it('the head office executive sees every branch; Beijing staff only Beijing', async () => {
    const hq = await as<ComplaintReport>('demo-exec-hq', 'GET', `/staff/complaints/report?${PERIOD}`);
    expect(hq.body.totals.complaints).toBe(3);
    const bj = await as<ComplaintReport>('demo-staff-bj', 'GET', `/staff/complaints/report?${PERIOD}`);
    expect(bj.body.totals.complaints).toBe(1);
    expect(bj.body.branches.every((b) => b.branchPath.startsWith('HQ/BJ'))).toBe(true);
  });

  it('exports the same as CSV: UTF-8 with BOM, CRLF, no personal data', async () => {
    const response = await fetch(`${gateway.url}/staff/complaints/report.csv?${PERIOD}`, {
      headers: { authorization: `Bearer ${await accessTokenFor(container, 'demo-staff-sh')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('complaints-report.csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv).toContain(`投诉报表,${FIXED_TODAY.slice(0, 8)}01 至 ${FIXED_TODAY}`);
    expect(csv).toContain('万张保单投诉量');
    const customer = data.customers.find((c) => c.customerId === 'C001')!;
    for (const personal of [customer.name, customer.phone, customer.idNumber, zhang.policyNo, 'TS2026'])
      expect(csv).not.toContain(personal);
  });

  it('refuses bad periods in Chinese', async () => {
    const bad = async (query: string) => {
      const response = await as('demo-staff-sh', 'GET', `/staff/complaints/report?${query}`);
      expect(response.status, query).toBe(400);
      return response.body.message ?? '';
    };
    expect(await bad('from=2026-13-01&to=2026-11-25')).toContain('开始日期');
    expect(await bad('from=2026-11-25&to=2026-11-01')).toBe('结束日期不能早于开始日期');
    expect(await bad('from=2025-01-01&to=2026-11-25')).toContain('统计区间最长 366 天');
    expect(await bad('from=yesterday&to=2026-11-25')).toContain('YYYY-MM-DD');
    const csv = await as(
      'demo-staff-sh',
      'GET',
      '/staff/complaints/report.csv?from=2026-11-25&to=2026-11-01',
    );
    expect(csv.status).toBe(400);
  });

  it('is not for customers or agents', async () => {
    expect((await as('demo-customer-c001', 'GET', '/staff/complaints/report')).status).toBe(403);
    expect((await as('demo-agent-a001', 'GET', '/staff/complaints/report.csv')).status).toBe(403);
  });
});
