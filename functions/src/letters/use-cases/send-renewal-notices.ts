import type { Logger } from '@aws-lambda-powertools/logger';
import { dueDatesToScan, isPreDebitNoticeDue, shanghaiClock } from '@zhixiang/shared/notices/due-notices';
import { defaultNoticePreference, type NoticePreferenceRecord } from '@zhixiang/shared/notices/preferences';
import {
  type DuePremiumSource,
  type LeasedNotice,
  type NoticeKey,
  type NoticeStore,
  noticeKeyString,
} from '@zhixiang/shared/ports/notices';
import { NOTICE_LEASE_MS } from './notice-outbox';

/** A pre-debit notice this run claimed: recorded in the notice outbox and leased to this run. */
export interface ClaimedPreDebitNotice {
  notice: LeasedNotice;
  preference: NoticePreferenceRecord;
}

export interface SendRenewalNoticesDeps {
  premiums: DuePremiumSource;
  notices: Pick<NoticeStore, 'preferencesFor' | 'existingNotices' | 'claim'>;
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
  scanned: number;
  due: number;
  claimed: number;
  delivered: number;
  failed: number;
}

/**
 * The hourly renewal-notice run. For every due date a pre-debit notice may announce (tomorrow to
 * 15 days ahead) it streams the premiums from the due-date index a page at a time (never a
 * Scan), reads the holders' preferences in batches, and asks the pure rule whether the notice is
 * due now (lead days, quiet hours, Asia/Shanghai). Each due notice is claimed by a conditional
 * create of its entry in the notice outbox (policy, due date, notice type) BEFORE anything is
 * sent, so repeated and concurrent runs never send one twice; a failure or a crash after the
 * claim leaves the entry for the outbox's retry job, so none is lost either.
 */
export async function sendRenewalNotices(deps: SendRenewalNoticesDeps): Promise<RenewalNoticeReport> {
  const now = deps.now();
  const day = shanghaiClock(now).date;
  const report: RenewalNoticeReport = { scanned: 0, due: 0, claimed: 0, delivered: 0, failed: 0 };
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

  const scanPartition = async (dueDate: string) => {
    for await (const page of deps.premiums.duePremiumPages(dueDate)) {
      report.scanned += page.length;
      const inForce = page.filter((premium) => premium.status === 'in_force');
      if (inForce.length === 0) continue;
      const saved = await deps.notices.preferencesFor(
        inForce.map((premium) => ({ customerId: premium.holderId, policyNo: premium.policyNo })),
      );
      const due = inForce.flatMap((premium) => {
        const preference =
          saved.get(`${premium.holderId}|${premium.policyNo}`) ??
          saved.get(`${premium.holderId}|all`) ??
          defaultNoticePreference(premium.holderId);
        if (!isPreDebitNoticeDue(now, dueDate, preference)) return [];
        const key: NoticeKey = { policyNo: premium.policyNo, dueDate, noticeType: 'pre_debit' };
        return [{ key, premium, preference }];
      });
      report.due += due.length;
      if (due.length === 0) continue;
      // An hourly job meets the same due notices all day: skip those recorded already with one
      // batched read instead of a refused write each. The conditional create stays the guard.
      const existing = await deps.notices.existingNotices(due.map((notice) => notice.key));
      const claims = await Promise.all(
        due
          .filter((candidate) => !existing.has(noticeKeyString(candidate.key)))
          .map(async ({ key, premium, preference }) => {
            const payload = {
              amountCents: premium.premiumCents,
              nextDueDate: null,
              failureReason: null,
              day,
            };
            const notice = await deps.notices.claim(key, premium.holderId, payload, now, NOTICE_LEASE_MS);
            return notice ? { notice, preference } : null;
          }),
      );
      for (const claimed of claims) {
        if (!claimed) continue;
        report.claimed++;
        sent.push(deliveries(() => deliver(claimed)));
      }
    }
  };

  const partitions = limiter(PARTITIONS_AT_ONCE);
  await Promise.all(dueDatesToScan(now).map((dueDate) => partitions(() => scanPartition(dueDate))));
  await Promise.all(sent);
  return report;
}

/** Due-date partitions read at once (each streams its pages in order). */
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
