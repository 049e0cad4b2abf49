import { shanghaiInstant } from '@zhixiang/shared/notices/due-notices';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as retryNoticesHandler } from '../../src/letters/handlers/retry-notices';
import { applyDebitResult } from '../../src/letters/use-cases/apply-debit-result';
import { debitResultDeps, issueLetterDeps, renewalRunDeps } from '../../src/letters/wiring-issuing';
import { createLogger } from '../../src/platform/logging/logger';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System, setSystem } from '../../src/system';
import { type RecordingMetrics, recordingMetrics } from '../support/recording-metrics';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

/**
 * Delivered notices are a business metric: a notice that failed first and is then delivered by
 * the retry job (the scheduled handler itself, twice at once) counts once; the failed attempt not.
 */
const data = buildDemoData('2026-11-25');
const source = data.policies.find((p) => p.holderId === 'C001' && p.premiumFrequency === 'annual')!;
const policy: PolicyRecord = {
  ...source,
  policyNo: '7770000099901',
  holderId: 'C005',
  insuredId: 'C005',
  nextDueDate: '2029-05-10',
  status: 'in_force',
  version: 0,
};

let clock = 0;
let metrics: RecordingMetrics;
let container: System;

beforeAll(async () => {
  metrics = recordingMetrics();
  container = createSystem(undefined, {
    now: () => clock,
    metrics,
    logger: createLogger({ logLevel: 'SILENT' }),
    sms: { send: async () => undefined },
  });
  setSystem(container);
  await seedDemoDataOnce({ repositories: container.repositories });
  await container.repositories.policies.put(policy);
}, 60_000);

describe('the NoticeDelivered metric', () => {
  it('does not count a failed attempt, and counts the retried delivery once', async () => {
    clock = shanghaiInstant('2029-05-10', '10:00');
    const outbox = renewalRunDeps(container);
    const failing = {
      ...outbox,
      notify: {
        ...outbox.notify,
        letterDeps: {
          ...issueLetterDeps(container),
          render: async () => Promise.reject(new Error('renderer down')),
        },
      },
    };
    const result = await applyDebitResult(debitResultDeps(container, failing), {
      resultId: 'R-METRICS-1',
      policyNo: policy.policyNo,
      dueDate: '2029-05-10',
      amountCents: 500_000,
      outcome: 'success',
    });
    expect(result).toMatchObject({ notice: 'retrying' });
    expect(metrics.counted('NoticeDelivered')).toBe(0);

    clock += 61_000;
    metrics.reset();
    await Promise.all([retryNoticesHandler(), retryNoticesHandler()]);
    expect(metrics.counted('NoticeDelivered')).toBe(1);
    // The scheduled wrapper flushes once per invocation.
    expect(metrics.flushes()).toBe(2);
  });
});
