import { CalendarOutOfRangeError, DAY_MS, shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import type { PayoutDeps } from './payout-deps';

const PAGE = 500;

export interface ReconciliationReport {
  /** Pending instructions old enough to be looked at. */
  examined: number;
  /** Put on the reconciliation list this run. */
  listed: number;
  /** Instructions whose days the business calendar cannot count (a year not imported). */
  calendarMissing: number;
}

/**
 * The daily reconciliation: every instruction still without a result once N business days (the
 * complaints context's business calendar: weekends, public holidays and 调休 working weekends)
 * have passed since the day it was issued goes on its branch's 「付款对账」 list for finance staff.
 * Listing is a conditional write, so a second run lists nothing twice.
 */
export async function reconcilePayouts(
  deps: Pick<PayoutDeps, 'instructions' | 'businessCalendar' | 'resultBusinessDays' | 'logger' | 'now'>,
): Promise<ReconciliationReport> {
  const now = deps.now();
  const today = shanghaiDate(now);
  // N business days are at least N calendar days: younger instructions need no look.
  const candidates = await deps.instructions.listAwaitingResult(now - deps.resultBusinessDays * DAY_MS, PAGE);
  const report: ReconciliationReport = { examined: candidates.length, listed: 0, calendarMissing: 0 };
  for (const instruction of candidates) {
    let lastDay: string;
    try {
      lastDay = deps.businessCalendar.addBusinessDays(
        shanghaiDate(instruction.createdAt),
        deps.resultBusinessDays,
      );
    } catch (error) {
      if (!(error instanceof CalendarOutOfRangeError)) throw error;
      report.calendarMissing++;
      deps.logger.error('payout beyond the business calendar', { reference: instruction.reference, error });
      continue;
    }
    if (today > lastDay && (await deps.instructions.markOverdue(instruction.reference, now))) report.listed++;
  }
  return report;
}
