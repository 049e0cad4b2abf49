import type { Logger } from '@aws-lambda-powertools/logger';
import {
  isPreDebitNoticeDue,
  nextSendableAt,
  notifyOnRanges,
  shanghaiClock,
} from '@zhixiang/shared/notices/due-notices';
import type { NoticePreferenceRecord } from '@zhixiang/shared/notices/preferences';
import type {
  LeasedNotice,
  NoticeKey,
  NoticeStore,
  NotifyOnEntry,
  NotifyOnIndex,
  PreDebitClaim,
} from '@zhixiang/shared/ports/notices';
import { NOTICE_LEASE_MS } from './notice-outbox';

/** A pre-debit notice this run claimed: recorded in the notice outbox and leased to this run. */
export interface ClaimedPreDebitNotice {
  notice: LeasedNotice;
  preference: NoticePreferenceRecord;
}

export interface SendRenewalNoticesDeps {
  index: Pick<NotifyOnIndex, 'entryPages' | 'coveredUntil' | 'markCovered'>;
  notices: Pick<NoticeStore, 'claimMany' | 'defer'>;
  /**
   * Delivers a claimed notice (the outbox's `deliverLeasedNotice`; the benchmark records only):
   * true when sent or unreachable (final), false when it failed (the outbox retries it).
   */
  deliver: (claimed: ClaimedPreDebitNotice) => Promise<boolean>;
  now: () => number;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Notices delivered at once (each is a letter and a few provider calls). */
  concurrency?: number;
}

export interface RenewalNoticeReport {
  /** Entries of the notify-on index read. */
  scanned: number;
  /** Of those, notices still to come before their debit day. */
  due: number;
  claimed: number;
  /** Due inside the customer's quiet hours (a run catching up): recorded to wait for their end. */
  deferred: number;
  delivered: number;
  failed: number;
}

/**
 * The hourly renewal-notice run. It reads the notify-on index from the last completed run's clock
 * (the watermark) up to now — normally the last hour; after an outage every hour missed, up to
 * MAX_LEAD_DAYS days back — a page at a time, and reads nothing else: each entry carries its due
 * date, premium, holder and preference. Each notice still due is claimed in batches by the
 * conditional create of its entry in the notice outbox (policy, due date, notice type) BEFORE
 * anything is sent (delivery reads the policy and gives up a premium no longer due), so repeated
 * and concurrent runs never send one twice; a failure or a crash after the claim leaves the entry
 * for the outbox's retry job, so none is lost either. A notice met inside the customer's quiet hours is
 * recorded to wait for their end. The watermark moves only once every claim is written: a run
 * that fails is covered again by the next.
 */
export async function sendRenewalNotices(deps: SendRenewalNoticesDeps): Promise<RenewalNoticeReport> {
  const now = deps.now();
  const day = shanghaiClock(now).date;
  const report: RenewalNoticeReport = {
    scanned: 0,
    due: 0,
    claimed: 0,
    deferred: 0,
    delivered: 0,
    failed: 0,
  };
  const deliveries = limiter(deps.concurrency ?? 8);
  const sent: Promise<void>[] = [];

  const deliver = async (claimed: ClaimedPreDebitNotice) => {
    try {
      if (await deps.deliver(claimed)) report.delivered++;
      else report.failed++;
    } catch (error) {
      // Not even recorded (the store failed): the lease runs out and the retry job takes it.
      report.failed++;
      deps.logger.error('pre-debit notice not delivered; the outbox retries it', {
        policyNo: claimed.notice.policyNo,
        dueDate: claimed.notice.dueDate,
        error,
      });
    }
  };

  const claimOf = (entry: NotifyOnEntry): PreDebitClaim => ({
    key: { policyNo: entry.policyNo, dueDate: entry.dueDate, noticeType: 'pre_debit' } satisfies NoticeKey,
    customerId: entry.customerId,
    payload: { amountCents: entry.premiumCents, nextDueDate: null, failureReason: null, day },
  });

  const readRange = async (range: ReturnType<typeof notifyOnRanges>[number]) => {
    for await (const page of deps.index.entryPages([range])) {
      report.scanned += page.length;
      // Nothing arrives on or after the debit day it announces.
      const live = page.filter((entry) => day < entry.dueDate);
      report.due += live.length;
      const sendable = live.filter((entry) => isPreDebitNoticeDue(now, entry.dueDate, entry.preference));
      // Inside quiet hours (only a run catching up meets these): recorded, taken when they end.
      for (const entry of live.filter((e) => !sendable.includes(e))) {
        const until = nextSendableAt(now, entry.preference.quietHours);
        const { key, customerId, payload } = claimOf(entry);
        if (await deps.notices.defer(key, customerId, payload, now, until)) report.deferred++;
      }
      if (sendable.length === 0) continue;
      const preferences = new Map(sendable.map((entry) => [entry.policyNo, entry.preference]));
      const claimed = await deps.notices.claimMany(sendable.map(claimOf), now, NOTICE_LEASE_MS);
      for (const notice of claimed) {
        report.claimed++;
        const preference = preferences.get(notice.policyNo)!;
        sent.push(deliveries(() => deliver({ notice, preference })));
      }
    }
  };

  const ranges = notifyOnRanges(await deps.index.coveredUntil(), now);
  const reads = limiter(PARTITIONS_AT_ONCE);
  await Promise.all(ranges.map((range) => reads(() => readRange(range))));
  await deps.index.markCovered(now);
  await Promise.all(sent);
  return report;
}

/** Days of the notify-on index read at once (each streams its pages in order). */
export const PARTITIONS_AT_ONCE = 4;

/** Runs at most `n` of the given tasks at a time. */
export function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
