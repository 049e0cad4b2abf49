/** Dates travel as ISO `YYYY-MM-DD` strings computed in Asia/Shanghai (Lambda runs in UTC). */
export function formatDateCn(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${y}年${m}月${d}日`;
}

// Building an Intl formatter costs far more than using one: build it once per process.
const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** True for a `YYYY-MM-DD` that names a day of the calendar (2026-02-30 does not). */
export function isRealDate(isoDate: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return false;
  const d = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === isoDate;
}

export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate.format(now);
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
