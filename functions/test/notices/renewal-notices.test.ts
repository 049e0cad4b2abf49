import { addDays } from '@zhixiang/shared/format/dates';
import { preDebitNoticeDay, shanghaiInstant } from '@zhixiang/shared/notices/due-notices';
import type { NoticePreferenceRecord } from '@zhixiang/shared/notices/preferences';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import type { SmsMessage } from '@zhixiang/shared/ports/sms-sender';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDebitResult } from '../../src/letters/use-cases/apply-debit-result';
import { runRenewalNotices } from '../../src/letters/use-cases/run-renewal-notices';
import { debitResultDeps, renewalRunDeps } from '../../src/letters/wiring-issuing';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

/**
 * The hourly renewal-notice run against DynamoDB Local over a year of due dates (2027-12 to
 * 2028-11, through a leap day and every month end): the right notice on the right day, none
 * twice across repeated and concurrent runs. SMS captured; the holders have no WeChat openid.
 */
const data = buildDemoData('2026-11-25');
const source = data.policies.find((p) => p.holderId === 'C001' && p.premiumFrequency === 'annual')!;
const FIRST_DAY = '2027-12-01';
const DAYS = 366;

let clock = 0;
const sms: SmsMessage[] = [];
let container: System;

/** Test policies: due dates every 11 days over the year, plus month ends and the leap day. */
const dueDates = [
  ...Array.from({ length: 33 }, (_, i) => addDays('2027-12-20', i * 11)),
  '2028-01-31',
  '2028-02-29',
  '2028-03-01',
  '2028-04-30',
  '2028-12-31',
];
const HOLDERS = ['C002', 'C004', 'C005'];
const testPolicies: PolicyRecord[] = dueDates.map((nextDueDate, i) => ({
  ...source,
  policyNo: `77700000${String(i).padStart(5, '0')}`,
  holderId: HOLDERS[i % HOLDERS.length]!,
  insuredId: HOLDERS[i % HOLDERS.length]!,
  nextDueDate,
  status: 'in_force',
  version: 0,
}));
/** C002 wants 1 day's notice, C004 15 days with quiet hours all morning; C005 keeps the default (3 days). */
const LEAD_DAYS: Record<string, number> = { C002: 1, C004: 15, C005: 3 };

function preference(
  customerId: string,
  leadDays: number,
  quiet = { start: '22:00', end: '08:00' },
): NoticePreferenceRecord {
  return {
    customerId,
    scope: 'all',
    leadDays,
    channels: ['wechat', 'sms'],
    quietHours: quiet,
    successNotice: true,
    updatedAt: 1,
    updatedBy: { source: 'customer', userId: 'test' },
  };
}

const ours = (messages: SmsMessage[]) => messages.filter((m) => m.template === 'letter_link');

beforeAll(async () => {
  container = createSystem(undefined, {
    now: () => clock,
    sms: { send: async (message) => void sms.push(message) },
  });
  await seedDemoDataOnce({ repositories: container.repositories });
  for (const policy of testPolicies) await container.repositories.policies.put(policy);
  await container.notices.putPreference(preference('C002', 1));
  await container.notices.putPreference(preference('C004', 15, { start: '20:00', end: '12:00' }));
  // As a policy import does (the preference writes above re-keyed C002's and C004's already).
  await container.notifyOn.refreshPolicies(testPolicies, clock);
}, 60_000);

describe('a year of hourly runs (one run a day at 10:00 and one at 13:00 Shanghai)', () => {
  const sentOn = new Map<string, string>();

  it('sends each pre-debit notice once, on its notice day (or the first run for notices already due)', async () => {
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(FIRST_DAY, d);
      for (const time of ['10:00', '13:00']) {
        clock = shanghaiInstant(day, time);
        const before = sms.length;
        await runRenewalNotices(renewalRunDeps(container));
        for (const message of sms.slice(before)) {
          const notice = await noticeOf(message);
          if (notice) {
            expect(sentOn.has(notice), `${notice} sent twice`).toBe(false);
            sentOn.set(notice, `${day} ${time}`);
          }
        }
      }
    }
    for (const policy of testPolicies) {
      const noticeDay = preDebitNoticeDay(policy.nextDueDate!, LEAD_DAYS[policy.holderId]!);
      const lastDay = addDays(FIRST_DAY, DAYS - 1);
      if (policy.nextDueDate! > addDays(lastDay, 1) && noticeDay > lastDay) {
        expect(sentOn.has(policy.policyNo), policy.policyNo).toBe(false);
        continue;
      }
      const expectedDay = noticeDay < FIRST_DAY ? FIRST_DAY : noticeDay;
      // C004's quiet hours last until noon: its notice waits for the 13:00 run.
      const expectedTime = policy.holderId === 'C004' ? '13:00' : '10:00';
      expect(sentOn.get(policy.policyNo), `${policy.policyNo} due ${policy.nextDueDate}`).toBe(
        `${expectedDay} ${expectedTime}`,
      );
    }
  }, 300_000);

  it('records each notice as sent by SMS with its letter, and counts the funnel', async () => {
    const policy = testPolicies.find((p) => p.nextDueDate === '2028-02-29')!;
    const notice = await container.notices.getNotice({
      policyNo: policy.policyNo,
      dueDate: '2028-02-29',
      noticeType: 'pre_debit',
    });
    expect(notice).toMatchObject({
      status: 'sent',
      channel: 'sms',
      letterId: expect.stringMatching(/^LT2028/),
    });
    const letter = await container.letters.get(notice!.letterId!);
    expect(letter).toMatchObject({ letterType: 'pre_debit_notice', customerId: policy.holderId });
    const noticeDay = preDebitNoticeDay('2028-02-29', LEAD_DAYS[policy.holderId]!);
    const rows = await container.notices.readFunnel(noticeDay, noticeDay, null);
    const row = rows.find((r) => r.noticeType === 'pre_debit' && r.channel === 'sms');
    expect(row?.eligible).toBeGreaterThanOrEqual(1);
    expect(row).toMatchObject({ reachable: row?.eligible, accepted: row?.eligible, failed: 0 });
  });

  it('sends nothing twice across three repeated runs and two concurrent runs', async () => {
    const policy = {
      ...source,
      policyNo: '7770000099999',
      holderId: 'C005',
      insuredId: 'C005',
      nextDueDate: '2029-01-10',
      version: 0,
    };
    await container.repositories.policies.put(policy);
    await container.notifyOn.refreshPolicies([policy], clock);
    clock = shanghaiInstant('2029-01-07', '10:00');
    const before = ours(sms).length;
    const reports = [];
    for (let i = 0; i < 3; i++) reports.push(await runRenewalNotices(renewalRunDeps(container)));
    expect(reports.map((r) => r.claimed)).toEqual([1, 0, 0]);
    expect(ours(sms).length - before).toBe(1);

    const concurrent = { ...policy, policyNo: '7770000099998', nextDueDate: '2029-01-11' };
    await container.repositories.policies.put(concurrent);
    await container.notifyOn.refreshPolicies([concurrent], clock);
    clock = shanghaiInstant('2029-01-08', '10:00');
    const both = await Promise.all([
      runRenewalNotices(renewalRunDeps(container)),
      runRenewalNotices(renewalRunDeps(container)),
    ]);
    expect(both.map((r) => r.claimed).sort()).toEqual([0, 1]);
    expect(ours(sms).length - before).toBe(2);
  });
});

describe('a debit result inside quiet hours', () => {
  it('waits in the notice outbox and is sent (letter and message) by the first run after quiet hours end', async () => {
    const policy = {
      ...source,
      policyNo: '7770000099990',
      holderId: 'C005',
      insuredId: 'C005',
      nextDueDate: '2029-03-01',
      version: 0,
    };
    await container.repositories.policies.put(policy);
    clock = shanghaiInstant('2029-03-01', '23:10');
    const before = ours(sms).length;
    const result = await applyDebitResult(debitResultDeps(container), {
      resultId: 'R-QUIET',
      policyNo: policy.policyNo,
      dueDate: '2029-03-01',
      amountCents: 500_000,
      outcome: 'success',
    });
    expect(result).toMatchObject({ notice: 'deferred', nextDueDate: '2030-03-01' });
    expect(ours(sms).length).toBe(before);

    clock = shanghaiInstant('2029-03-02', '07:00');
    expect((await runRenewalNotices(renewalRunDeps(container))).outbox).toMatchObject({ due: 0, sent: 0 });
    clock = shanghaiInstant('2029-03-02', '08:00');
    const [first, second] = await Promise.all([
      runRenewalNotices(renewalRunDeps(container)),
      runRenewalNotices(renewalRunDeps(container)),
    ]);
    expect(first.outbox.sent + second.outbox.sent).toBe(1);
    expect(
      ours(sms)
        .slice(before)
        .map((m) => m.code),
    ).toEqual(['扣款成功通知']);
    expect(
      await container.notices.getNotice({
        policyNo: policy.policyNo,
        dueDate: '2029-03-01',
        noticeType: 'debit_success',
      }),
    ).toMatchObject({ status: 'sent', channel: 'sms' });
  });
});

/** The policy number of a notice SMS, from its letter link's letter. */
async function noticeOf(message: SmsMessage): Promise<string | null> {
  if (message.template !== 'letter_link') return null;
  const token = new URL(message.link).searchParams.get('token') ?? '';
  const check = await container.letterLinks.check(token);
  if (check.status !== 'valid') throw new Error('notice SMS carries an invalid link');
  const letter = await container.letters.get(check.letterId);
  return letter && testPolicies.some((p) => p.policyNo === letter.policyNo) ? letter.policyNo : null;
}
