import type { Logger } from '@aws-lambda-powertools/logger';
import { dueDatesToScan, isPreDebitNoticeDue, shanghaiClock } from '@zhixiang/shared/notices/due-notices';
import { defaultNoticePreference, type NoticePreferenceRecord } from '@zhixiang/shared/notices/preferences';
import {
  type DuePremium,
  type DuePremiumSource,
  type NoticeKey,
  type NoticeStore,
  noticeKeyString,
} from '@zhixiang/shared/ports/notices';

/** A pre-debit notice this run claimed: it alone sends it. */
export interface ClaimedPreDebitNotice {
  key: NoticeKey;
  premium: DuePremium & { nextDueDate: string };
  preference: NoticePreferenceRecord;
  /** The funnel day (Shanghai date of the run that found it due). */
  day: string;
}

export interface SendRenewalNoticesDeps {
  premiums: DuePremiumSource;
  notices: Pick<NoticeStore, 'preferencesFor' | 'existingNotices' | 'claim' | 'complete'>;
  /** Renders the letter and sends the notice (deliver-pre-debit-notice.ts); the benchmark records only. */
  deliver: (notice: ClaimedPreDebitNotice) => Promise<void>;
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
 * create on its dedupe key (policy, due date, notice type) BEFORE anything is sent, so repeated
 * runs, concurrent runs and a run restarted after a crash never send one twice.
 */
export async function sendRenewalNotices(deps: SendRenewalNoticesDeps): Promise<RenewalNoticeReport> {
  const now = deps.now();
  const day = shanghaiClock(now).date;
  const report: RenewalNoticeReport = { scanned: 0, due: 0, claimed: 0, delivered: 0, failed: 0 };
  const deliveries = limiter(deps.concurrency ?? 8);
  const sent: Promise<void>[] = [];

  const deliver = async (notice: ClaimedPreDebitNotice) => {
    try {
      await deps.deliver(notice);
      report.delivered++;
    } catch (error) {
      // E.g. the letter could not be rendered: the claim stays (nothing is sent twice), marked failed.
      report.failed++;
      deps.logger.error('pre-debit notice not delivered', { ...notice.key, error });
      const failureReason = error instanceof Error ? error.message : String(error);
      await deps.notices
        .complete(notice.key, {
          status: 'failed',
          channel: null,
          attempts: 0,
          letterId: null,
          failureReason,
          at: deps.now(),
        })
        .catch((cause: unknown) =>
          deps.logger.error('could not mark the notice failed', { ...notice.key, cause }),
        );
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
        return [{ key, premium: { ...premium, nextDueDate: dueDate }, preference, day }];
      });
      report.due += due.length;
      if (due.length === 0) continue;
      // An hourly job meets the same due notices all day: skip those recorded already with one
      // batched read instead of a refused write each. The conditional create stays the guard.
      const existing = await deps.notices.existingNotices(due.map((notice) => notice.key));
      const claims = await Promise.all(
        due
          .filter((notice) => !existing.has(noticeKeyString(notice.key)))
          .map(async (notice) =>
            (await deps.notices.claim(notice.key, notice.premium.holderId, now)) ? notice : null,
          ),
      );
      for (const notice of claims) {
        if (!notice) continue;
        report.claimed++;
        sent.push(deliveries(() => deliver(notice)));
      }
    }
  };

  const partitions = limiter(PARTITIONS_AT_ONCE);
  await Promise.all(dueDatesToScan(now).map((dueDate) => partitions(() => scanPartition(dueDate))));
  await Promise.all(sent);
  return report;
}

/** Due-date partitions read at once (each streams its pages in order). */
const PARTITIONS_AT_ONCE = 4;

/** Runs at most `n` of the given tasks at a time. */
function limiter(n: number) {
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
