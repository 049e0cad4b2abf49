import { addDays, todayInShanghai } from '../format/dates';
import { MAX_LEAD_DAYS, type QuietHours } from './preferences';

/**
 * "Which notices are due now": pure functions of the clock, the debit date and the customer's
 * preference, all in Asia/Shanghai (UTC+8 all year, no daylight saving; Lambda runs in UTC).
 * The hourly scheduler asks them for every premium falling due in the next MAX_LEAD_DAYS days.
 */
export const NOTICE_TYPES = ['pre_debit', 'debit_success', 'debit_failure'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];
export const NOTICE_TYPE_NAMES: Record<NoticeType, string> = {
  pre_debit: '扣款预通知',
  debit_success: '扣款成功通知',
  debit_failure: '扣款失败通知',
};

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Minutes since midnight of `HH:mm`. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Shanghai's calendar date and minute of the day at `now` (epoch ms). */
export function shanghaiClock(now: number): { date: string; minute: number } {
  const local = now + SHANGHAI_OFFSET_MS;
  const minute = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return { date: todayInShanghai(new Date(now)), minute };
}

/** Epoch ms of `HH:mm` on a Shanghai date. */
export function shanghaiInstant(isoDate: string, hhmm: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) - SHANGHAI_OFFSET_MS + minutesOf(hhmm) * 60_000;
}

/** Quiet hours may wrap midnight (22:00–08:00); start = end means none. */
export function inQuietHours(now: number, quiet: QuietHours): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const { minute } = shanghaiClock(now);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** `now` when it is outside quiet hours, else the moment they end. */
export function nextSendableAt(now: number, quiet: QuietHours): number {
  if (!inQuietHours(now, quiet)) return now;
  const { date, minute } = shanghaiClock(now);
  const endsToday = shanghaiInstant(date, quiet.end);
  // Before the end today (e.g. 03:00 with quiet until 08:00), or the end is tomorrow (23:00).
  return minute < minutesOf(quiet.end) ? endsToday : endsToday + DAY_MS;
}

/** The Shanghai day on which the pre-debit notice becomes due. */
export function preDebitNoticeDay(dueDate: string, leadDays: number): string {
  return addDays(dueDate, -leadDays);
}

/**
 * The pre-debit notice is due from its notice day until the day before the debit, at any hour
 * outside quiet hours: a run missed (or a notice day spent entirely in quiet hours) catches up
 * later, but a notice never arrives on or after the debit day it announces.
 */
export function isPreDebitNoticeDue(
  now: number,
  dueDate: string,
  preference: { leadDays: number; quietHours: QuietHours },
): boolean {
  const today = shanghaiClock(now).date;
  return (
    today >= preDebitNoticeDay(dueDate, preference.leadDays) &&
    today < dueDate &&
    !inQuietHours(now, preference.quietHours)
  );
}

/** The due dates whose pre-debit notices may be due today: tomorrow to MAX_LEAD_DAYS days ahead. */
export function dueDatesToScan(now: number): string[] {
  const today = shanghaiClock(now).date;
  return Array.from({ length: MAX_LEAD_DAYS }, (_, i) => addDays(today, i + 1));
}
