/** Dates travel as ISO `YYYY-MM-DD` strings computed in Asia/Shanghai (Lambda runs in UTC). */
export function formatDateCn(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${y}年${m}月${d}日`;
}

/**
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so its wall clock is the UTC
 * fields of the instant moved 8 hours on. Worked out by hand rather than with Intl, which some
 * Android and PC WeChat clients lack or carry without time-zone data.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad2 = (n: number) => n.toString().padStart(2, '0');

/** The Shanghai wall clock of an instant: year, month (1–12), day, hour, minute, second. */
export function shanghaiClock(at: Date | string | number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const shifted = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** The Shanghai weekday of an instant: 0 = Sunday … 6 = Saturday. */
export function shanghaiWeekday(at: Date | string | number): number {
  return new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS).getUTCDay();
}

/** True for a `YYYY-MM-DD` that names a day of the calendar (2026-02-30 does not). */
export function isRealDate(isoDate: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return false;
  const d = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === isoDate;
}

export function todayInShanghai(now: Date = new Date()): string {
  const { year, month, day } = shanghaiClock(now);
  return `${year.toString().padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** "2026-11-26 09:05" in Asia/Shanghai, whatever the phone's time zone. */
export function formatShanghaiDateTime(at: Date | string | number): string {
  const { hour, minute } = shanghaiClock(at);
  return `${todayInShanghai(new Date(at))} ${pad2(hour)}:${pad2(minute)}`;
}

/** "11/26 09:05" in Asia/Shanghai: a time within the last days, where the year goes without saying. */
export function formatShanghaiMonthDayTime(at: Date | string | number): string {
  const { month, day, hour, minute } = shanghaiClock(at);
  return `${pad2(month)}/${pad2(day)} ${pad2(hour)}:${pad2(minute)}`;
}

/** "12月18日 10:00" in Asia/Shanghai: a time in a message's text, where the year goes without saying. */
export function formatShanghaiMonthDayTimeCn(at: Date | string | number): string {
  const { month, day, hour, minute } = shanghaiClock(at);
  return `${month}月${day}日 ${pad2(hour)}:${pad2(minute)}`;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The same day `months` later; a day the target month lacks becomes its last day
 * (08-31 + 6 months → 02-28, or 02-29 in a leap year), the usual rule for loan terms.
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year.toString().padStart(4, '0')}-${month.toString().padStart(2, '0')}-${Math.min(d, lastDay).toString().padStart(2, '0')}`;
}
