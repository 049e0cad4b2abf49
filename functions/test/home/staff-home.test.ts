import type { StaffHomeResponse } from '@zhixiang/shared/home/schemas';
import type { StaffQueueName } from '@zhixiang/shared/home/staff-home';
import { describe, expect, it } from 'vitest';
import { buildDemoData } from '../../src/seed/demo-data';
import { accessTokenFor } from '../support/access-token-for';
import { FIXED_NOW, FIXED_TODAY } from '../support/fixed-clock';
import { queuedHandoff } from '../support/queued-handoff';
import { useSeededGateway } from './seeded-gateway';

/**
 * The staff home through the real gateway: each queue of the branch subtree with its count and
 * the oldest item's wait, from the contexts' own queues; a claimed handoff leaves the count.
 */
const data = buildDemoData(FIXED_TODAY);
const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;
const HANDOFF_ID = '11111111-2222-4333-8444-555555555555';

const stack = useSeededGateway();

async function queuesOf(
  userId: string,
): Promise<Record<StaffQueueName, StaffHomeResponse['queues'][number]>> {
  const response = await stack.api.get<StaffHomeResponse>('/staff/home', {
    token: await accessTokenFor(stack.system, userId),
  });
  expect(response.status, response.text).toBe(200);
  return Object.fromEntries(response.body.queues.map((q) => [q.queue, q])) as Record<
    StaffQueueName,
    StaffHomeResponse['queues'][number]
  >;
}

describe('the staff home', () => {
  it('counts a handoff waiting in 张伟’s branch for Shanghai staff, with its wait, and not for Beijing staff', async () => {
    const before = await queuesOf('demo-staff-sh');
    await stack.system.repositories.handoffs.createOrGet(
      queuedHandoff(HANDOFF_ID, zhangWei, FIXED_NOW - 90 * 60_000),
    );
    const after = await queuesOf('demo-staff-sh');
    expect(after.handoffsWaiting.count).toBe(before.handoffsWaiting.count + 1);
    expect(after.handoffsWaiting.oldestAgeMinutes).toBeGreaterThanOrEqual(90);
    expect((await queuesOf('demo-staff-bj')).handoffsWaiting.count).toBe(0);

    // Claimed, it no longer waits.
    const claimed = await stack.api.post(
      `/staff/handoffs/${HANDOFF_ID}/claim`,
      {},
      {
        token: await accessTokenFor(stack.system, 'demo-staff-sh'),
      },
    );
    expect(claimed.status, claimed.text).toBeLessThan(300);
    expect((await queuesOf('demo-staff-sh')).handoffsWaiting.count).toBe(before.handoffsWaiting.count);
  });

  it('counts a complaint 张伟 files in his branch subtree’s queue, with the time it was received', async () => {
    const before = await queuesOf('demo-staff-sh');
    const policyNo = data.policies.find((p) => p.holderId === 'C001')!.policyNo;
    const filed = await stack.api.post(
      '/complaints',
      {
        category: 'claims',
        description: '理赔材料提交后两周没有任何进度',
        policyNo,
        preferredContactTime: 'any',
      },
      { token: await accessTokenFor(stack.system, 'demo-customer-c001') },
    );
    expect(filed.status, filed.text).toBe(201);
    const after = await queuesOf('demo-staff-sh');
    expect(after.complaints.count).toBe(before.complaints.count + 1);
    expect(after.complaints.oldestSince).not.toBeNull();
    expect((await queuesOf('demo-staff-bj')).complaints.count).toBe(0);
  });

  it('lists every queue of the duties, each with a count, for staff and admins; others 403 in Chinese', async () => {
    const queues = await queuesOf('demo-admin');
    expect(Object.keys(queues).sort()).toEqual(
      [
        'callbacksToday',
        'complaints',
        'endorsementReviews',
        'handoffsWaiting',
        'identityReviews',
        'problemCases',
      ].sort(),
    );
    for (const userId of ['demo-customer-c001', 'demo-agent-a001']) {
      const response = await stack.api.get<{ message: string }>('/staff/home', {
        token: await accessTokenFor(stack.system, userId),
      });
      expect(response.status).toBe(403);
      expect(response.body.message).toBe('工作台仅供内勤人员查看');
    }
  });
});
