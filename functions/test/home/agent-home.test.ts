import type { AgentHomeResponse } from '@zhixiang/shared/home/schemas';
import { describe, expect, it } from 'vitest';
import { getAgentHome } from '../../src/home/use-cases/get-agent-home';
import { buildDemoData } from '../../src/seed/demo-data';
import { DEMO_DOCUMENT_ID } from '../../src/seed/demo-documents';
import { accessTokenFor } from '../support/access-token-for';
import { commandsSent } from '../support/command-spy';
import { FIXED_TODAY } from '../support/fixed-clock';
import { useSeededGateway } from './seeded-gateway';

/**
 * The agent's home through the real gateway: what waits on each assigned customer, from the same
 * state and rules as the customers' own to-dos, gone when done; nothing of another agent's book.
 */
const data = buildDemoData(FIXED_TODAY);
const a001Customers = new Set(data.customers.filter((c) => c.agentId === 'A001').map((c) => c.customerId));
const lapsedOfA001 = data.policies.filter((p) => p.status === 'lapsed' && a001Customers.has(p.holderId));
const newPolicy = data.policies.find((p) => p.holderId === 'C001' && p.effectiveDate > '2026-11-01')!;
const withDividends = data.policies.find((p) => p.holderId === 'C001' && p.dividendOption === 'accumulate')!;

const stack = useSeededGateway();

async function homeOf(userId = 'demo-agent-a001'): Promise<AgentHomeResponse> {
  const response = await stack.api.get<AgentHomeResponse>('/agent/home', {
    token: await accessTokenFor(stack.system, userId),
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe("王建国's home (agent A001)", () => {
  it("lists his customers' pending callback, the application awaiting 张伟's signature and the lapsed policies", async () => {
    const home = await homeOf();
    expect(home.customers).toBe(a001Customers.size);
    expect(home.lists.callbacksPending.map((i) => i.policyNo)).toEqual([newPolicy.policyNo]);
    expect(home.lists.callbacksPending[0]).toMatchObject({ customerName: '张伟', title: '请预约新单回访' });
    expect(home.lists.documentsToSign).toEqual([
      expect.objectContaining({
        customerId: 'C001',
        target: { page: 'document', documentId: DEMO_DOCUMENT_ID },
      }),
    ]);
    expect(lapsedOfA001.length).toBeGreaterThan(0);
    expect(home.lists.lapsed.map((i) => i.policyNo).sort()).toEqual(
      lapsedOfA001.map((p) => p.policyNo).sort(),
    );
    expect(home.lists.applicationsWaiting).toEqual([]);
  });

  it('shows an application he prepares as waiting for the customer, and drops it once cancelled', async () => {
    const token = await accessTokenFor(stack.system, 'demo-agent-a001');
    const created = await stack.api.post<{ applicationId: string }>(
      `/policies/${withDividends.policyNo}/endorsements`,
      { type: 'dividend_option_change', dividendOption: 'cash' },
      { token },
    );
    expect(created.status, created.text).toBe(201);
    const waiting = (await homeOf()).lists.applicationsWaiting;
    expect(waiting).toEqual([
      expect.objectContaining({
        customerName: '张伟',
        title: '红利领取方式变更',
        target: { page: 'application', applicationId: created.body.applicationId },
      }),
    ]);
    expect(waiting[0]!.detail).toMatch(/^待身份验证/);
    // Another agent sees nothing of it.
    expect((await homeOf('demo-agent-a003')).lists.applicationsWaiting).toEqual([]);

    const cancelled = await stack.api.post(
      `/endorsements/${created.body.applicationId}/cancel`,
      {},
      { token },
    );
    expect(cancelled.status, cancelled.text).toBeLessThan(300);
    expect((await homeOf()).lists.applicationsWaiting).toEqual([]);
  });

  it("never lists another agent's customers", async () => {
    const home = await homeOf('demo-agent-a003');
    const items = Object.values(home.lists).flat();
    expect(items.every((item) => !a001Customers.has(item.customerId))).toBe(true);
  });

  it('reads each customer’s partitions and one BatchGetItem, never one request per policy', async () => {
    const claims = { sub: 'demo-agent-a001', role: 'agent' as const, agentId: 'A001' };
    await getAgentHome(stack.system, claims);
    const sent = await commandsSent(stack.system.table.client, () => getAgentHome(stack.system, claims));
    const counts = sent.reduce<Record<string, number>>((all, s) => {
      all[s.command] = (all[s.command] ?? 0) + 1;
      return all;
    }, {});
    // The agent's customers, then per customer: policies as holder and insured, applications, documents.
    expect(counts).toEqual({ QueryCommand: 1 + 4 * a001Customers.size, BatchGetItemCommand: 1 });
  });

  it('refuses customers and staff in Chinese', async () => {
    for (const userId of ['demo-customer-c001', 'demo-staff-sh']) {
      const response = await stack.api.get<{ message: string }>('/agent/home', {
        token: await accessTokenFor(stack.system, userId),
      });
      expect(response.status).toBe(403);
      expect(response.body.message).toBe('业务员工作台仅供业务员查看');
    }
  });
});
