import type { Logger } from '@aws-lambda-powertools/logger';
import type { NoticeChannel } from '@zhixiang/shared/letters/model';
import { inQuietHours, nextSendableAt, shanghaiClock } from '@zhixiang/shared/notices/due-notices';
import { type NoticePreferenceRecord, preferenceFor } from '@zhixiang/shared/notices/preferences';
import type { BusinessMetrics } from '@zhixiang/shared/ports/business-metrics';
import type {
  LeasedNotice,
  NoticeKey,
  NoticeOutcome,
  NoticeSettlement,
  NoticeStore,
} from '@zhixiang/shared/ports/notices';
import type { PolicyRepository } from '@zhixiang/shared/ports/repositories';
import { drainOutbox, errorMessage, nextAttemptAt } from '../../platform/outbox/drain-outbox';
import { countNoticeFunnel } from './deliver-notice';
import { type NotifyPremiumDeps, notifyPremium } from './notify-premium';

/**
 * How long a deliverer holds a notice: longer than the longest function that delivers (the hourly
 * run, 10 minutes), so a live deliverer never loses it; a crashed one's notice is due again after.
 */
export const NOTICE_LEASE_MS = 15 * 60_000;
/** Delivery attempts before a notice stays failed for good (retried 1, 5, 15, 60, 180 min after a failure). */
export const MAX_NOTICE_ATTEMPTS = 6;
/** Entries the retry job takes per run (every 5 minutes; the hourly run takes them too). */
export const NOTICE_RETRY_PAGE = 100;
export const PRE_DEBIT_TOO_LATE = '扣款日已到，扣款预通知不再发送';
export const PRE_DEBIT_MOVED_ON = '该期保费已无需扣缴（保单已缴费、退保或终止），扣款预通知不再发送';

export interface NoticeOutboxDeps {
  policies: Pick<PolicyRepository, 'get'>;
  notices: Pick<NoticeStore, 'listDue' | 'take' | 'settle' | 'listPreferences'>;
  notify: NotifyPremiumDeps;
  metrics: Pick<BusinessMetrics, 'count'>;
  now: () => number;
  logger: Pick<Logger, 'warn' | 'error'>;
}

/** How one attempt at a notice ended. */
export interface NoticeDelivery {
  status: 'sent' | 'unreachable' | 'failed' | 'retrying' | 'deferred';
  letterId: string | null;
  /** When it is due again (`retrying`, `deferred`). */
  nextAttemptAt: number | null;
}

/** What an attempt did, before it is recorded. */
type Attempt =
  | { kind: 'done'; outcome: NoticeOutcome & { status: 'sent' | 'unreachable' } }
  | { kind: 'quiet'; until: number }
  | { kind: 'too_late' }
  | { kind: 'moved_on' }
  | { kind: 'failed'; reason: string; channel: NoticeChannel | null; sends: number; letterId: string | null };

/**
 * Delivers a notice this caller holds (a fresh claim or a retry it took): the letter (issued once:
 * its id derives from the notice and its first time), then the message on the customer's channels.
 * Sent or unreachable is final. A failure — the letter not rendered or stored, the policy not
 * read, every send refused — is recorded with its reason and the notice is due again later, until
 * the attempts are spent. Inside the customer's quiet hours it waits for their end; a pre-debit
 * notice whose debit day has come is given up. Only the lease holder settles it, so two retries
 * of one notice deliver it once.
 */
export async function deliverLeasedNotice(
  deps: NoticeOutboxDeps,
  notice: LeasedNotice,
  known?: { preference: NoticePreferenceRecord },
): Promise<NoticeDelivery> {
  const now = deps.now();
  const attempt = await attemptNotice(deps, notice, now, known);
  const end = (settlement: Omit<NoticeSettlement, 'at'>) =>
    settleOrWarn(deps, notice, { ...settlement, at: now });
  switch (attempt.kind) {
    case 'done': {
      const { outcome } = attempt;
      await end({
        status: outcome.status,
        channel: outcome.channel,
        letterId: outcome.letterId,
        sendAttempts: outcome.attempts,
        lastError: outcome.status === 'unreachable' ? outcome.failureReason : null,
        retryAt: null,
      });
      if (outcome.status === 'sent') deps.metrics.count('NoticeDelivered');
      return {
        status: outcome.status as 'sent' | 'unreachable',
        letterId: outcome.letterId,
        nextAttemptAt: null,
      };
    }
    case 'quiet':
      await end({
        status: 'pending',
        channel: null,
        letterId: null,
        sendAttempts: 0,
        lastError: null,
        retryAt: attempt.until,
      });
      return { status: 'deferred', letterId: null, nextAttemptAt: attempt.until };
    case 'too_late':
      // Nothing arrives on or after the debit day: given up, counted failed in the funnel.
      await countNoticeFunnel(
        deps.notify,
        notice,
        notice.payload.day,
        { status: 'failed', channel: null, letterId: null },
        notice,
      );
      await end({
        status: 'failed',
        channel: null,
        letterId: null,
        sendAttempts: 0,
        lastError: PRE_DEBIT_TOO_LATE,
        retryAt: null,
      });
      return { status: 'failed', letterId: null, nextAttemptAt: null };
    case 'moved_on':
      // The premium it announced is no longer due (paid, surrendered, terminated since the claim):
      // nothing to announce, and nothing the customer was owed, so the funnel does not count it.
      await end({
        status: 'failed',
        channel: null,
        letterId: null,
        sendAttempts: 0,
        lastError: PRE_DEBIT_MOVED_ON,
        retryAt: null,
      });
      return { status: 'failed', letterId: null, nextAttemptAt: null };
    case 'failed': {
      const retryAt = nextAttemptAt(notice.attempts, now, MAX_NOTICE_ATTEMPTS);
      if (retryAt === null)
        await countNoticeFunnel(
          deps.notify,
          notice,
          notice.payload.day,
          { status: 'failed', channel: attempt.channel, letterId: attempt.letterId },
          notice,
        );
      await end({
        status: 'failed',
        channel: attempt.channel,
        letterId: attempt.letterId,
        sendAttempts: attempt.sends,
        lastError: attempt.reason,
        retryAt,
      });
      return {
        status: retryAt === null ? 'failed' : 'retrying',
        letterId: attempt.letterId,
        nextAttemptAt: retryAt,
      };
    }
  }
}

/**
 * The attempt itself. Only its failures are caught here: a failure to record the result
 * (`settle`) propagates, and the lease running out makes the notice due again.
 */
async function attemptNotice(
  deps: NoticeOutboxDeps,
  notice: LeasedNotice,
  now: number,
  known?: { preference: NoticePreferenceRecord },
): Promise<Attempt> {
  if (notice.noticeType === 'pre_debit' && shanghaiClock(now).date >= notice.dueDate)
    return { kind: 'too_late' };
  try {
    const policy = await deps.policies.get(notice.policyNo);
    if (!policy) throw new Error(`policy ${notice.policyNo} not found`);
    // The hourly run claims from its index without reading the policy: the premium is checked here.
    if (
      notice.noticeType === 'pre_debit' &&
      (policy.status !== 'in_force' || policy.nextDueDate !== notice.dueDate)
    )
      return { kind: 'moved_on' };
    const preference =
      known?.preference ??
      preferenceFor(policy.holderId, policy.policyNo, await deps.notices.listPreferences(policy.holderId));
    if (inQuietHours(now, preference.quietHours))
      return { kind: 'quiet', until: nextSendableAt(now, preference.quietHours) };
    const outcome = await notifyPremium(deps.notify, {
      key: notice,
      policy,
      amountCents: notice.payload.amountCents,
      preference,
      day: notice.payload.day,
      nextDueDate: notice.payload.nextDueDate,
      issuedAt: notice.createdAt,
      ...(notice.payload.failureReason ? { failureReason: notice.payload.failureReason } : {}),
    });
    if (outcome.status !== 'failed') return { kind: 'done', outcome: { ...outcome, status: outcome.status } };
    return {
      kind: 'failed',
      reason: outcome.failureReason ?? '发送失败',
      channel: outcome.channel,
      sends: outcome.attempts,
      letterId: outcome.letterId,
    };
  } catch (error) {
    deps.logger.error('renewal notice attempt failed; the outbox retries it', { ...keyOf(notice), error });
    return { kind: 'failed', reason: errorMessage(error), channel: null, sends: 0, letterId: null };
  }
}

async function settleOrWarn(deps: NoticeOutboxDeps, notice: LeasedNotice, settlement: NoticeSettlement) {
  // Refused only after a lease ran out under a live deliverer (slower than NOTICE_LEASE_MS): the
  // deliverer that took it over records the notice.
  if (!(await deps.notices.settle(notice, notice.lease, settlement)))
    deps.logger.warn('renewal notice lease lost before it was settled', { ...keyOf(notice) });
}

export interface NoticeRetryReport {
  /** Entries due this run. */
  due: number;
  /** Taken by another deliverer first (or no longer due). */
  takenElsewhere: number;
  sent: number;
  unreachable: number;
  /** Failed again: due later. */
  retrying: number;
  /** Failed for good (attempts spent, or a pre-debit notice past its debit day). */
  failed: number;
  /** Waiting for the end of the customer's quiet hours. */
  deferred: number;
  /** Could not even be recorded (the store failed): due again when the lease ends. */
  errors: number;
}

/**
 * The notice outbox's retry job (scheduled every 5 minutes, and at the start of the hourly run):
 * takes every due entry — quiet-hours notices whose time came, failed attempts whose next attempt
 * time came, leases of crashed deliverers that ran out — with a conditional write, and delivers it
 * once (`deliverLeasedNotice`).
 */
export async function retryDueNotices(
  deps: NoticeOutboxDeps,
  options: { limit?: number; concurrency?: number } = {},
): Promise<NoticeRetryReport> {
  const due = await deps.notices.listDue(deps.now(), options.limit ?? NOTICE_RETRY_PAGE);
  const report: NoticeRetryReport = {
    due: due.length,
    takenElsewhere: 0,
    sent: 0,
    unreachable: 0,
    retrying: 0,
    failed: 0,
    deferred: 0,
    errors: 0,
  };
  const { failed } = await drainOutbox(due, {
    deliver: async (key) => {
      const notice = await deps.notices.take(key, deps.now(), NOTICE_LEASE_MS);
      if (!notice) {
        report.takenElsewhere++;
        return;
      }
      report[(await deliverLeasedNotice(deps, notice)).status]++;
    },
    // The attempt is counted by `take` and the lease makes the entry due again: nothing to add.
    recordFailure: async () => undefined,
    describe: keyOf,
    logger: deps.logger,
    concurrency: options.concurrency ?? 4,
  });
  report.errors = failed;
  return report;
}

const keyOf = (key: NoticeKey) => ({
  policyNo: key.policyNo,
  dueDate: key.dueDate,
  noticeType: key.noticeType,
});
