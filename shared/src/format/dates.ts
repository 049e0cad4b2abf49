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

export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate.format(now);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
