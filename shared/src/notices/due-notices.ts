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

/** Minutes a written notify-on key lies ahead of its write, so a run already under way never passes it by. */
export const NOTIFY_ON_WRITE_MARGIN_MINUTES = 2;

/**
 * The notify-on index's time for a pre-debit notice: the first minute the rule above makes it due
 * (`dueDate − leadDays`, at the first minute outside quiet hours), but never earlier than a couple
 * of minutes after `writtenAt`: a key written in the past would lie behind the hourly runs'
 * watermark and be missed. Null when no minute before the debit day is left.
 */
export function preDebitNotifyAt(
  dueDate: string,
  preference: { leadDays: number; quietHours: QuietHours },
  writtenAt: number,
): number | null {
  const earliest = Math.floor(writtenAt / 60_000) * 60_000 + NOTIFY_ON_WRITE_MARGIN_MINUTES * 60_000;
  const noticeDayStarts = shanghaiInstant(preDebitNoticeDay(dueDate, preference.leadDays), '00:00');
  const at = nextSendableAt(Math.max(noticeDayStarts, earliest), preference.quietHours);
  return shanghaiClock(at).date < dueDate ? at : null;
}

/** A notify-on time's place in the index: its Shanghai day (the partition) and `HH:mm` (the sort key's head). */
export function notifyOnSlot(notifyAt: number): { day: string; time: string } {
  const { date, minute } = shanghaiClock(notifyAt);
  return { day: date, time: hhmmOf(minute) };
}

/**
 * What one run reads of the notify-on index: every notice whose time is after `coveredUntil` (the
 * last completed run's clock) and not after `now`, as one key range per Shanghai day — `after` and
 * `upTo` are `HH:mm` bounds (exclusive, inclusive), null for the whole day. Without a watermark, or
 * after a longer outage, it starts MAX_LEAD_DAYS days back: no notice whose time is older can still
 * come before its debit day.
 */
export function notifyOnRanges(
  coveredUntil: number | null,
  now: number,
): { day: string; after: string | null; upTo: string | null }[] {
  const today = shanghaiClock(now).date;
  const oldest = shanghaiInstant(addDays(today, -MAX_LEAD_DAYS), '00:00') - 60_000;
  const from = Math.max(coveredUntil ?? oldest, oldest);
  const fromMinute = Math.floor(from / 60_000);
  const toMinute = Math.floor(now / 60_000);
  if (fromMinute >= toMinute) return [];
  const first = notifyOnSlot(fromMinute * 60_000);
  const last = notifyOnSlot(toMinute * 60_000);
  const ranges: { day: string; after: string | null; upTo: string | null }[] = [];
  // A watermark at 23:59 leaves nothing of its day: the range starts with the next one.
  let day = first.time === '23:59' ? addDays(first.day, 1) : first.day;
  for (; day <= last.day; day = addDays(day, 1))
    ranges.push({
      day,
      after: day === first.day ? first.time : null,
      upTo: day === last.day ? last.time : null,
    });
  return ranges;
}

const hhmmOf = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
