import { join } from 'node:path';
import { notifyOnSlot, shanghaiInstant } from '@zhixiang/shared/notices/due-notices';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import type { NotifyOnEntry } from '@zhixiang/shared/ports/notices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../admin/imports/run-import';
import { applyDebitResult } from '../../src/letters/use-cases/apply-debit-result';
import { PRE_DEBIT_MOVED_ON } from '../../src/letters/use-cases/notice-outbox';
import { runRenewalNotices } from '../../src/letters/use-cases/run-renewal-notices';
import { sendRenewalNotices } from '../../src/letters/use-cases/send-renewal-notices';
import { debitResultDeps, renewalRunDeps } from '../../src/letters/wiring-issuing';
import { GetCommand, PutCommand } from '../../src/platform/dynamodb/document-client';
import { buildDemoData } from '../../src/seed/demo-data';
import { seedDemoData } from '../../src/seed/seed-demo-data';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * The notify-on index against DynamoDB Local: every writer that can move a pre-debit notice's time
 * re-keys its entry (a preference saved through the API, a debit result, the seed, a policy
 * import), and the hourly run reads it from its watermark — a missed hour caught up, two runs at
 * once claiming each notice once, nothing sent for a policy that moved on.
 */
const data = buildDemoData('2026-11-25');
const source = data.policies.find((p) => p.holderId === 'C005' && p.premiumFrequency === 'annual')!;
let clock = shanghaiInstant('2026-11-25', '09:00');
let container: System;
let realTime: System;
let gateway: TestGateway;
let api: ApiClient;

const testPolicy = (policyNo: string, nextDueDate: string, holderId = 'C005'): PolicyRecord => ({
  ...source,
  policyNo,
  holderId,
  insuredId: holderId,
  nextDueDate,
  status: 'in_force',
  version: 0,
});

/** A policy as an import writes it: the policy, then its notify-on entry. */
async function addPolicy(policy: PolicyRecord) {
  await container.repositories.policies.put(policy);
  await container.notifyOn.refreshPolicies([policy], clock);
}

async function entryOf(policyNo: string) {
  const { Item } = await container.table.client.send(
    new GetCommand({ TableName: container.table.table, Key: { pk: `POLICY#${policyNo}`, sk: 'NOTIFYON' } }),
  );
  return Item as (NotifyOnEntry & { gsi1pk: string; gsi1sk: string }) | undefined;
}

/** Where the entry sits: its index day and minute, and the due date it announces. */
async function slotOf(policyNo: string) {
  const entry = await entryOf(policyNo);
  if (!entry) return null;
  const { day, time } = notifyOnSlot(entry.notifyAt);
  expect(entry.gsi1pk).toBe(`NOTIFYON#${day}`);
  expect(entry.gsi1sk).toBe(`${time}#${policyNo}`);
  return { day, time, dueDate: entry.dueDate };
}

async function savePreference(body: Record<string, unknown>) {
  // The gateway runs on the real clock: a token from it, not from the test's clock.
  const token = await accessTokenFor(realTime, 'demo-customer-c005');
  const response = await api.request('PUT', '/customers/C005/notice-preferences', {
    token,
    body: {
      scope: 'all',
      leadDays: 3,
      channels: ['wechat', 'sms'],
      quietHours: { start: '22:00', end: '08:00' },
      successNotice: true,
      ...body,
    },
  });
  expect(response.status, response.text).toBe(200);
}

/** One run of the job with delivery replaced by noting the notice (what this file tests is the claim). */
async function run(at: number) {
  clock = at;
  const claimed: string[] = [];
  const report = await sendRenewalNotices({
    ...renewalRunDeps(container),
    deliver: async ({ notice }) => {
      claimed.push(notice.policyNo);
      return true;
    },
  });
  return { ...report, policies: claimed };
}

beforeAll(async () => {
  container = createSystem(undefined, { now: () => clock });
  await seedDemoData({
    repositories: container.repositories,
    today: '2026-11-25',
    notifyOn: { index: container.notifyOn, now: () => clock },
  });
  realTime = createSystem();
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
}, 60_000);

afterAll(async () => {
  await gateway?.close();
});

describe('the seed', () => {
  it('keys the pre-debit notice of every seeded policy in force with a due date, and none of the others', async () => {
    for (const policy of data.policies) {
      const entry = await entryOf(policy.policyNo);
      if (policy.status === 'in_force' && policy.nextDueDate && policy.nextDueDate > '2026-11-26')
        expect(entry, policy.policyNo).toMatchObject({
          dueDate: policy.nextDueDate,
          customerId: policy.holderId,
        });
      if (policy.status !== 'in_force' || !policy.nextDueDate) expect(entry, policy.policyNo).toBeUndefined();
    }
  });
});

describe('a preference saved through the API re-keys the holder’s policies', () => {
  const policy = testPolicy('7770000066601', '2030-03-20');
  const own = testPolicy('7770000066602', '2030-03-20');

  beforeAll(async () => {
    await addPolicy(policy);
    await addPolicy(own);
  });

  it('starts from the default: 3 days ahead at the end of quiet hours (08:00)', async () => {
    expect(await slotOf(policy.policyNo)).toEqual({
      day: '2030-03-17',
      time: '08:00',
      dueDate: '2030-03-20',
    });
  });

  it('follows a change of lead days', async () => {
    await savePreference({ leadDays: 10 });
    expect(await slotOf(policy.policyNo)).toMatchObject({ day: '2030-03-10', time: '08:00' });
    expect(await slotOf(own.policyNo)).toMatchObject({ day: '2030-03-10', time: '08:00' });
  });

  it('follows a change of the time the channels may send (the end of quiet hours)', async () => {
    await savePreference({ leadDays: 10, quietHours: { start: '21:00', end: '09:30' } });
    expect(await slotOf(policy.policyNo)).toMatchObject({ day: '2030-03-10', time: '09:30' });
    // No quiet hours: from the first minute of the notice day.
    await savePreference({ leadDays: 10, quietHours: { start: '00:00', end: '00:00' } });
    expect(await slotOf(policy.policyNo)).toMatchObject({ day: '2030-03-10', time: '00:00' });
  });

  it('carries the channels saved, so the run reads no preference', async () => {
    await savePreference({ leadDays: 10, channels: ['sms'] });
    expect((await entryOf(policy.policyNo))?.preference).toMatchObject({ leadDays: 10, channels: ['sms'] });
  });

  it('lets a policy’s own preference win over the customer’s for that policy only', async () => {
    await savePreference({ scope: own.policyNo, leadDays: 1, quietHours: { start: '22:00', end: '07:00' } });
    expect(await slotOf(own.policyNo)).toMatchObject({ day: '2030-03-19', time: '07:00' });
    expect(await slotOf(policy.policyNo)).toMatchObject({ day: '2030-03-10', time: '08:00' });
  });
});

describe('a debit result that moves the due date', () => {
  it('re-keys the entry to the next premium’s notice', async () => {
    const policy = testPolicy('7770000066603', '2030-01-15');
    await addPolicy(policy);
    expect(await slotOf(policy.policyNo)).toMatchObject({ dueDate: '2030-01-15', day: '2030-01-05' });
    clock = shanghaiInstant('2030-01-15', '10:00');
    const result = await applyDebitResult(debitResultDeps(container), {
      resultId: 'R-NOTIFYON-1',
      policyNo: policy.policyNo,
      dueDate: '2030-01-15',
      amountCents: 500_000,
      outcome: 'success',
    });
    expect(result).toMatchObject({ nextDueDate: '2031-01-15' });
    // C005 saved 10 days ahead (above) with quiet hours until 08:00.
    expect(await slotOf(policy.policyNo)).toEqual({
      day: '2031-01-05',
      time: '08:00',
      dueDate: '2031-01-15',
    });
  });
});

describe('a policy import', () => {
  it('keys each imported policy in force with a due date; a re-import keeps them', async () => {
    clock = shanghaiInstant('2026-11-25', '09:00');
    const samples = join(import.meta.dirname, '../../admin/samples');
    const deps = {
      repositories: container.repositories,
      today: '2026-11-25',
      notifyOn: { index: container.notifyOn, now: () => clock },
    };
    await runImport('import-customers', join(samples, 'customers.csv'), deps);
    await runImport('import-policies', join(samples, 'policies.csv'), deps);
    // Default preference: 3 days ahead at 08:00.
    expect(await slotOf('8831010900101')).toEqual({
      day: '2027-03-15',
      time: '08:00',
      dueDate: '2027-03-18',
    });
    expect(await slotOf('8811010900104')).toEqual({
      day: '2027-05-17',
      time: '08:00',
      dueDate: '2027-05-20',
    });
    // Single premium (no due date) and lapsed: no notice to come.
    expect(await entryOf('8811010900105')).toBeUndefined();
    expect(await entryOf('8811010900106')).toBeUndefined();
    await runImport('import-policies', join(samples, 'policies.csv'), deps);
    expect(await slotOf('8831010900101')).toEqual({
      day: '2027-03-15',
      time: '08:00',
      dueDate: '2027-03-18',
    });
  });
});

describe('the hourly run', () => {
  it('catches up a missed hour: the run after a skipped one claims what fell due in it', async () => {
    // C004's notice falls due at 10:00 (quiet hours until 10:00); the 10:00 run never happened.
    await container.notices.putPreference({
      customerId: 'C004',
      scope: 'all',
      leadDays: 2,
      channels: ['sms'],
      quietHours: { start: '22:00', end: '10:00' },
      successNotice: true,
      updatedAt: clock,
      updatedBy: { source: 'customer', userId: 'test' },
    });
    const policy = testPolicy('7770000066604', '2030-06-12', 'C004');
    await addPolicy(policy);
    expect(await slotOf(policy.policyNo)).toMatchObject({ day: '2030-06-10', time: '10:00' });

    expect((await run(shanghaiInstant('2030-06-10', '09:00'))).policies).not.toContain(policy.policyNo);
    const eleven = shanghaiInstant('2030-06-10', '11:00');
    expect((await run(eleven)).policies).toContain(policy.policyNo);
    expect(await container.notifyOn.coveredUntil()).toBe(eleven);
    // The next run reads from 11:00 on: nothing of that hour again.
    expect((await run(shanghaiInstant('2030-06-10', '12:00'))).scanned).toBe(0);
  });

  it('after a crash before the watermark moved, reads the same hours again and claims nothing twice', async () => {
    const policy = testPolicy('7770000066605', '2030-06-15');
    await addPolicy(policy);
    const at = shanghaiInstant('2030-06-12', '09:00');
    expect((await run(at)).policies).toContain(policy.policyNo);
    await container.table.client.send(
      new PutCommand({
        TableName: container.table.table,
        Item: { pk: 'NOTIFYON#RUN', sk: 'WATERMARK', coveredUntil: at - 2 * 86_400_000 },
      }),
    );
    const again = await run(at + 60_000);
    expect(again.scanned).toBeGreaterThan(0);
    expect(again.claimed).toBe(0);
  });

  it('two runs at once claim each of 120 notices exactly once (several transactions each)', async () => {
    const policies = Array.from({ length: 120 }, (_, i) =>
      testPolicy(`77700000${67_000 + i}`, '2030-07-04', 'C001'),
    );
    for (const policy of policies) await container.repositories.policies.put(policy);
    await container.notifyOn.refreshPolicies(policies, clock);
    const at = shanghaiInstant('2030-07-01', '10:00');
    const [first, second] = await Promise.all([run(at), run(at)]);
    const all = [...first.policies, ...second.policies].filter((no) => no.startsWith('777000006'));
    expect(all).toHaveLength(120);
    expect(new Set(all).size).toBe(120);
    for (const policy of policies.slice(0, 3))
      expect(
        await container.notices.getNotice({
          policyNo: policy.policyNo,
          dueDate: '2030-07-04',
          noticeType: 'pre_debit',
        }),
      ).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('sends nothing for a policy that moved on since it was keyed (surrendered: the entry was left behind)', async () => {
    const policy = testPolicy('7770000066606', '2030-08-10');
    await addPolicy(policy);
    const stored = (await container.repositories.policies.get(policy.policyNo))!;
    await container.repositories.policies.put({ ...stored, status: 'surrendered', nextDueDate: null });
    clock = shanghaiInstant('2030-08-07', '10:00');
    const letters = async () =>
      (await container.letters.listByCustomer('C005')).filter((l) => l.policyNo === policy.policyNo);
    const report = await runRenewalNotices(renewalRunDeps(container));
    expect(report).toMatchObject({ claimed: 1, delivered: 0, failed: 1 });
    expect(
      await container.notices.getNotice({
        policyNo: policy.policyNo,
        dueDate: '2030-08-10',
        noticeType: 'pre_debit',
      }),
    ).toMatchObject({ status: 'failed', lastError: PRE_DEBIT_MOVED_ON, nextAttemptAt: null });
    expect(await letters()).toEqual([]);
  });

  it('records a notice met inside quiet hours (a run catching up at night) to wait for their end', async () => {
    const policy = testPolicy('7770000066607', '2030-09-10');
    await addPolicy(policy);
    // C005: 10 days ahead from 08:00 (2030-08-31); the job was down that day until 23:00.
    const report = await run(shanghaiInstant('2030-08-31', '23:00'));
    expect(report.deferred).toBeGreaterThanOrEqual(1);
    expect(report.policies).not.toContain(policy.policyNo);
    expect(
      await container.notices.getNotice({
        policyNo: policy.policyNo,
        dueDate: '2030-09-10',
        noticeType: 'pre_debit',
      }),
    ).toMatchObject({ status: 'pending', nextAttemptAt: shanghaiInstant('2030-09-01', '08:00') });
  });
});
