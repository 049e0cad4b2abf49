import { shanghaiInstant } from '@zhixiang/shared/notices/due-notices';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import type { NoticeKey } from '@zhixiang/shared/ports/notices';
import type { SmsMessage } from '@zhixiang/shared/ports/sms-sender';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDebitResult } from '../../src/letters/use-cases/apply-debit-result';
import {
  MAX_NOTICE_ATTEMPTS,
  NOTICE_LEASE_MS,
  type NoticeOutboxDeps,
  retryDueNotices,
} from '../../src/letters/use-cases/notice-outbox';
import { runRenewalNotices } from '../../src/letters/use-cases/run-renewal-notices';
import { debitResultDeps, issueLetterDeps, renewalRunDeps } from '../../src/letters/wiring-issuing';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

/**
 * The notice outbox against DynamoDB Local and s3rver: a failure between recording a notice and
 * sending it (the PDF renderer, S3, a crash) leaves the notice failed with its reason and next
 * attempt time, and the retry job delivers it exactly once — also when two retries run at once.
 * SMS captured; the holders have no WeChat openid.
 */
const data = buildDemoData('2026-11-25');
const source = data.policies.find((p) => p.holderId === 'C001' && p.premiumFrequency === 'annual')!;

let clock = 0;
const sms: SmsMessage[] = [];
let container: System;

function testPolicy(policyNo: string, nextDueDate: string): PolicyRecord {
  return {
    ...source,
    policyNo,
    holderId: 'C005',
    insuredId: 'C005',
    nextDueDate,
    status: 'in_force',
    version: 0,
  };
}

/** The outbox's dependencies with one part broken: the renderer or S3. */
function broken(part: 'render' | 's3'): NoticeOutboxDeps {
  const deps = renewalRunDeps(container);
  const letterDeps = issueLetterDeps(container);
  return {
    ...deps,
    notify: {
      ...deps.notify,
      letterDeps:
        part === 'render'
          ? { ...letterDeps, render: async () => Promise.reject(new Error('renderer down')) }
          : { ...letterDeps, files: { put: async () => Promise.reject(new Error('S3 503 Slow Down')) } },
    },
  };
}

const debitResult = (outbox: NoticeOutboxDeps, policy: PolicyRecord, resultId: string) =>
  applyDebitResult(debitResultDeps(container, outbox), {
    resultId,
    policyNo: policy.policyNo,
    dueDate: policy.nextDueDate!,
    amountCents: 500_000,
    outcome: 'success',
  });

/** The SMS that carried letters of this policy. */
async function messagesFor(policyNo: string): Promise<SmsMessage[]> {
  const found: SmsMessage[] = [];
  for (const message of sms) {
    if (message.template !== 'letter_link') continue;
    const check = await container.letterLinks.check(new URL(message.link).searchParams.get('token') ?? '');
    if (check.status !== 'valid') continue;
    if ((await container.letters.get(check.letterId))?.policyNo === policyNo) found.push(message);
  }
  return found;
}

const lettersFor = async (policyNo: string) =>
  (await container.letters.listByCustomer('C005')).filter((letter) => letter.policyNo === policyNo);

beforeAll(async () => {
  container = createSystem(undefined, {
    now: () => clock,
    sms: { send: async (message) => void sms.push(message) },
  });
  await seedDemoDataOnce({ repositories: container.repositories });
}, 60_000);

describe('a debit result whose letter cannot be rendered', () => {
  const policy = testPolicy('7770000088801', '2029-05-10');
  const key: NoticeKey = { policyNo: policy.policyNo, dueDate: '2029-05-10', noticeType: 'debit_success' };

  it('answers retrying, records the failure with its next attempt time, and sends nothing yet', async () => {
    await container.repositories.policies.put(policy);
    clock = shanghaiInstant('2029-05-10', '10:00');
    const result = await debitResult(broken('render'), policy, 'R-OUTBOX-1');
    expect(result).toMatchObject({ notice: 'retrying', letterId: null, nextDueDate: '2030-05-10' });
    expect(await container.notices.getNotice(key)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'renderer down',
      nextAttemptAt: clock + 60_000,
    });
    expect(await messagesFor(policy.policyNo)).toEqual([]);
    expect(await lettersFor(policy.policyNo)).toEqual([]);

    // The billing system's retry before the next attempt time: applied already, nothing due yet.
    expect(await debitResult(broken('render'), policy, 'R-OUTBOX-1b')).toMatchObject({
      notice: 'already_applied',
    });
    expect(await retryDueNotices(renewalRunDeps(container))).toMatchObject({ due: 0 });
  });

  it('is delivered exactly once when two retry jobs run at the same time after it is due', async () => {
    clock += 61_000;
    const reports = await Promise.all([
      retryDueNotices(renewalRunDeps(container)),
      retryDueNotices(renewalRunDeps(container)),
    ]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(reports.reduce((n, r) => n + r.retrying + r.failed + r.errors, 0)).toBe(0);
    expect((await messagesFor(policy.policyNo)).map((m) => m.code)).toEqual(['扣款成功通知']);
    const letters = await lettersFor(policy.policyNo);
    expect(letters.map((l) => l.letterType)).toEqual(['debit_success_notice']);
    expect(await container.notices.getNotice(key)).toMatchObject({
      status: 'sent',
      channel: 'sms',
      attempts: 2,
      letterId: letters[0]?.letterId,
      nextAttemptAt: null,
    });

    // Nothing is due any more: later runs and a repeated debit result send nothing.
    clock += 3_600_000;
    expect(await retryDueNotices(renewalRunDeps(container))).toMatchObject({ due: 0 });
    expect(await debitResult(renewalRunDeps(container), policy, 'R-OUTBOX-1c')).toMatchObject({
      notice: 'already_applied',
    });
    expect(await messagesFor(policy.policyNo)).toHaveLength(1);
  });
});

describe('a pre-debit notice whose letter cannot be stored in S3', () => {
  it('is failed by the hourly run and delivered once by the retry job after S3 recovers', async () => {
    const policy = testPolicy('7770000088802', '2029-06-13');
    await container.repositories.policies.put(policy);
    // As a policy import does: the policy's notice keyed in the notify-on index.
    await container.notifyOn.refreshPolicies([policy], clock);
    const key: NoticeKey = { policyNo: policy.policyNo, dueDate: '2029-06-13', noticeType: 'pre_debit' };
    clock = shanghaiInstant('2029-06-10', '10:00');
    const run = await runRenewalNotices({ ...renewalRunDeps(container), notify: broken('s3').notify });
    expect(run).toMatchObject({ claimed: 1, delivered: 0, failed: 1 });
    expect(await container.notices.getNotice(key)).toMatchObject({
      status: 'failed',
      lastError: 'S3 503 Slow Down',
    });
    // The next hourly run does not claim it again; the retry job delivers it.
    clock += 120_000;
    const again = await runRenewalNotices(renewalRunDeps(container));
    expect(again).toMatchObject({ claimed: 0, outbox: { due: 1, sent: 1 } });
    expect(await messagesFor(policy.policyNo)).toHaveLength(1);
    expect(await lettersFor(policy.policyNo)).toHaveLength(1);
    expect(await container.notices.getNotice(key)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('a deliverer that crashed after recording the notice', () => {
  it('leaves the notice leased; once the lease runs out the retry job delivers it once', async () => {
    const policy = testPolicy('7770000088803', '2029-07-10');
    await container.repositories.policies.put(policy);
    const key: NoticeKey = { policyNo: policy.policyNo, dueDate: '2029-07-10', noticeType: 'debit_failure' };
    clock = shanghaiInstant('2029-07-10', '11:00');
    const payload = { amountCents: 500_000, nextDueDate: null, failureReason: '余额不足', day: '2029-07-10' };
    // The claim of a process that died before delivering.
    expect(await container.notices.claim(key, 'C005', payload, clock, NOTICE_LEASE_MS)).not.toBeNull();
    expect(await container.notices.getNotice(key)).toMatchObject({ status: 'sending', attempts: 1 });

    clock += NOTICE_LEASE_MS - 1_000;
    expect(await retryDueNotices(renewalRunDeps(container))).toMatchObject({ due: 0 });
    clock += 2_000;
    const reports = await Promise.all([
      retryDueNotices(renewalRunDeps(container)),
      retryDueNotices(renewalRunDeps(container)),
    ]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect((await messagesFor(policy.policyNo)).map((m) => m.code)).toEqual(['扣款失败通知']);
  });
});

describe('a notice that keeps failing', () => {
  it('is retried on its schedule, then stays failed with its last error and counts failed once', async () => {
    const policy = testPolicy('7770000088804', '2029-08-10');
    await container.repositories.policies.put(policy);
    const key: NoticeKey = { policyNo: policy.policyNo, dueDate: '2029-08-10', noticeType: 'debit_success' };
    clock = shanghaiInstant('2029-08-10', '10:00');
    expect(await debitResult(broken('render'), policy, 'R-OUTBOX-4')).toMatchObject({ notice: 'retrying' });
    for (let attempt = 2; attempt <= MAX_NOTICE_ATTEMPTS; attempt++) {
      const { nextAttemptAt } = (await container.notices.getNotice(key))!;
      clock = nextAttemptAt!;
      expect(await retryDueNotices(broken('render'))).toMatchObject({
        due: 1,
        ...(attempt < MAX_NOTICE_ATTEMPTS ? { retrying: 1 } : { failed: 1 }),
      });
    }
    expect(await container.notices.getNotice(key)).toMatchObject({
      status: 'failed',
      attempts: MAX_NOTICE_ATTEMPTS,
      lastError: 'renderer down',
      nextAttemptAt: null,
    });
    clock += 86_400_000;
    expect(await retryDueNotices(renewalRunDeps(container))).toMatchObject({ due: 0 });
    const rows = await container.notices.readFunnel('2029-08-10', '2029-08-10', null);
    expect(rows.find((r) => r.noticeType === 'debit_success')).toMatchObject({ eligible: 1, failed: 1 });
    expect(await messagesFor(policy.policyNo)).toEqual([]);
  });
});
