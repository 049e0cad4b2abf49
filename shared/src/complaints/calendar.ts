import * as z from 'zod/mini';
import businessCalendarJson from '../../../config/business-calendar.json';

/**
 * The business calendar (工作日历) of mainland China: weekends are rest days, the State Council's
 * public holidays are rest days, and its adjusted working weekends (调休上班的周末) are working days.
 * The data is `config/business-calendar.json`, one entry per year as published (refreshed each year
 * with `npm run admin -- import-calendar <file>`); a date in a year that was not imported is an
 * explicit error, never a guess, because no rule predicts next year's 调休.
 *
 * All arithmetic is Asia/Shanghai wall-clock (UTC+8 all year, no daylight saving since 1991),
 * done by hand without Intl so the same code runs in WeChat's JS engine.
 */
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

const YearSchema = z.object({
  notice: z.string().check(z.minLength(1)),
  holidays: z.array(z.object({ name: z.string().check(z.minLength(1)), from: isoDate, to: isoDate })),
  workingWeekends: z.array(isoDate),
});

export const BusinessCalendarSchema = z.object({
  timeZone: z.literal('Asia/Shanghai'),
  source: z.string(),
  years: z.record(z.string().check(z.regex(/^\d{4}$/, '年份应为四位数字')), YearSchema),
});
export type BusinessCalendarData = z.infer<typeof BusinessCalendarSchema>;

/** A date outside the imported years: the calendar refuses rather than guessing. */
export class CalendarOutOfRangeError extends Error {
  constructor(
    readonly date: string,
    readonly years: readonly number[],
  ) {
    super(
      `业务日历未包含 ${date.slice(0, 4)} 年（已导入：${years.join('、') || '无'}），请先导入该年的节假日安排（npm run admin -- import-calendar）`,
    );
    this.name = 'CalendarOutOfRangeError';
  }
}

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The Shanghai date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(atMs: number): string {
  return new Date(atMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai date begins (00:00 Asia/Shanghai). */
export function startOfShanghaiDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
}

export function nextDate(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function isRealDate(date: string): boolean {
  const parsed = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === date;
}

export interface BusinessCalendar {
  /** The imported years, ascending. */
  readonly years: readonly number[];
  /** Whether the date is a working day (throws CalendarOutOfRangeError outside the imported years). */
  isBusinessDay(date: string): boolean;
  /** The holiday's name on that date, if it is one. */
  holidayName(date: string): string | undefined;
  /** The first business day on or after `date`. */
  businessDayOnOrAfter(date: string): string;
  /** The business day `n` business days after `date` (n ≥ 1; `date` itself need not be one). */
  addBusinessDays(date: string, n: number): string;
  /** See `businessMillisBetween`. */
  businessMillisBetween(fromMs: number, toMs: number): number;
  /** See `addBusinessMillis`. */
  addBusinessMillis(fromMs: number, budgetMs: number): number;
}

/** The Shanghai day number of an instant (days since 1970-01-01 in Shanghai). */
function dayNumber(atMs: number): number {
  return Math.floor((atMs + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function startOfDayNumber(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/**
 * The imported years as arrays by day number, so the clock arithmetic of a whole batch of
 * complaints is a few array reads per clock instead of a walk over every day with date strings.
 * A range touching a year that was not imported is left to the day-by-day walk, which throws
 * CalendarOutOfRangeError naming the first missing day.
 */
interface DayIndex {
  firstDay: number;
  /** 1 business day, 0 rest day, 2 not imported (a gap between imported years). */
  kind: Uint8Array;
  /** businessBefore[i]: business days among the first i days; missingBefore likewise. */
  businessBefore: Int32Array;
  missingBefore: Int32Array;
  /** The day numbers of the business days, ascending. */
  businessDays: Int32Array;
}

/** The Shanghai day number of a date (YYYY-MM-DD). */
function dayOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/**
 * Built by day number alone (weekday = day number + 4 mod 7: 1970-01-01 was a Thursday), with the
 * holidays and working weekends as exceptions, so that a cold start indexes two years in a few
 * hundred microseconds instead of formatting a date string for every day.
 */
function indexDays(years: readonly number[], exceptions: ReadonlyMap<number, boolean>): DayIndex {
  const first = years[0] ?? 1970;
  const last = years[years.length - 1] ?? 1969;
  const firstDay = dayOfDate(`${first}-01-01`);
  const days = Math.max(0, dayOfDate(`${last + 1}-01-01`) - firstDay);
  const covered = new Set(years);
  const kind = new Uint8Array(days);
  for (let year = first, from = 0; year <= last; year++) {
    const to = dayOfDate(`${year + 1}-01-01`) - firstDay;
    for (let i = from; i < to; i++) {
      const day = firstDay + i;
      const weekday = (((day + 4) % 7) + 7) % 7;
      kind[i] = !covered.has(year) ? 2 : (exceptions.get(day) ?? (weekday !== 0 && weekday !== 6)) ? 1 : 0;
    }
    from = to;
  }
  const businessBefore = new Int32Array(days + 1);
  const missingBefore = new Int32Array(days + 1);
  const businessDays: number[] = [];
  for (let i = 0; i < days; i++) {
    if (kind[i] === 1) businessDays.push(firstDay + i);
    businessBefore[i + 1] = (businessBefore[i] ?? 0) + (kind[i] === 1 ? 1 : 0);
    missingBefore[i + 1] = (missingBefore[i] ?? 0) + (kind[i] === 2 ? 1 : 0);
  }
  return { firstDay, kind, businessBefore, missingBefore, businessDays: Int32Array.from(businessDays) };
}

/** Whether the days i … j (indexes) are all imported. */
function allImported(index: DayIndex, i: number, j: number): boolean {
  return (
    i >= 0 && j < index.kind.length && (index.missingBefore[j + 1] ?? 0) - (index.missingBefore[i] ?? 0) === 0
  );
}

/**
 * Checks and indexes the calendar data. Refused: a date that does not exist, a date filed under
 * another year, a holiday range running backwards, a "working weekend" that is not a Saturday or
 * Sunday, and a day that is both a holiday and a working weekend.
 */
export function loadBusinessCalendar(raw: unknown): BusinessCalendar {
  return indexBusinessCalendar(BusinessCalendarSchema.parse(raw));
}

/** As `loadBusinessCalendar`, for data whose shape is already known (the repository's own file). */
function indexBusinessCalendar(data: BusinessCalendarData): BusinessCalendar {
  const holidays = new Map<string, string>();
  const workingWeekends = new Set<string>();
  const years: number[] = [];
  for (const [yearText, year] of Object.entries(data.years)) {
    years.push(Number(yearText));
    const inYear = (date: string, what: string) => {
      if (!isRealDate(date)) throw new Error(`业务日历 ${yearText} 年：${what} ${date} 不是有效日期`);
      if (!date.startsWith(`${yearText}-`))
        throw new Error(`业务日历 ${yearText} 年：${what} ${date} 不属于该年`);
    };
    for (const holiday of year.holidays) {
      inYear(holiday.from, holiday.name);
      inYear(holiday.to, holiday.name);
      if (holiday.to < holiday.from)
        throw new Error(`业务日历 ${yearText} 年：${holiday.name} 的结束日期早于开始日期`);
      for (let d = holiday.from; d <= holiday.to; d = nextDate(d)) holidays.set(d, holiday.name);
    }
    for (const date of year.workingWeekends) {
      inYear(date, '调休上班日');
      const weekday = weekdayOf(date);
      if (weekday !== 0 && weekday !== 6)
        throw new Error(`业务日历 ${yearText} 年：调休上班日 ${date} 不是周末`);
      if (holidays.has(date))
        throw new Error(`业务日历 ${yearText} 年：${date} 不能既是节假日又是调休上班日`);
      workingWeekends.add(date);
    }
  }
  years.sort((a, b) => a - b);
  const covered = new Set(years);
  const check = (date: string) => {
    if (!isRealDate(date) || !covered.has(Number(date.slice(0, 4))))
      throw new CalendarOutOfRangeError(date, years);
  };
  const exceptions = new Map<number, boolean>();
  for (const date of holidays.keys()) exceptions.set(dayOfDate(date), false);
  for (const date of workingWeekends) exceptions.set(dayOfDate(date), true);
  const index = indexDays(years, exceptions);
  // Every imported date's answer, by its text (a date not there is not real or not imported),
  // built on the first question by date: most functions only ask by instant.
  let answers: Map<string, boolean> | undefined;
  const answersByDate = (): Map<string, boolean> => {
    const byDate = new Map<string, boolean>();
    index.kind.forEach((kind, i) => {
      if (kind !== 2) byDate.set(shanghaiDate(startOfDayNumber(index.firstDay + i)), kind === 1);
    });
    return byDate;
  };
  const isBusinessDay = (date: string): boolean => {
    answers ??= answersByDate();
    const answer = answers.get(date);
    if (answer === undefined) throw new CalendarOutOfRangeError(date, years);
    return answer;
  };
  const businessDayOnOrAfter = (date: string): string => {
    let d = date;
    while (!isBusinessDay(d)) d = nextDate(d);
    return d;
  };
  return {
    years,
    isBusinessDay,
    holidayName: (date) => {
      check(date);
      return holidays.get(date);
    },
    businessDayOnOrAfter,
    addBusinessDays: (date, n) => {
      if (!Number.isInteger(n) || n < 1) throw new Error('工作日天数应为正整数');
      let d = date;
      for (let left = n; left > 0; left--) d = businessDayOnOrAfter(nextDate(d));
      return d;
    },
    businessMillisBetween: (fromMs, toMs) => {
      if (toMs <= fromMs) return 0;
      const firstDay = dayNumber(fromMs);
      // The last day counted is the one that starts before `toMs`.
      const lastDay = Math.ceil((toMs + SHANGHAI_OFFSET_MS) / DAY_MS) - 1;
      const i = firstDay - index.firstDay;
      const j = lastDay - index.firstDay;
      if (!allImported(index, i, j)) return walkBusinessMillisBetween(isBusinessDay, fromMs, toMs);
      let total = ((index.businessBefore[j + 1] ?? 0) - (index.businessBefore[i] ?? 0)) * DAY_MS;
      if (index.kind[i] === 1) total -= fromMs - startOfDayNumber(firstDay);
      if (index.kind[j] === 1) total -= startOfDayNumber(lastDay + 1) - toMs;
      return total;
    },
    addBusinessMillis: (fromMs, budgetMs) => {
      const firstDay = dayNumber(fromMs);
      const i = firstDay - index.firstDay;
      if (!allImported(index, i, i)) return walkAddBusinessMillis(isBusinessDay, fromMs, budgetMs);
      let left = budgetMs;
      if (index.kind[i] === 1) {
        const available = startOfDayNumber(firstDay + 1) - fromMs;
        if (left <= available) return fromMs + left;
        left -= available;
      }
      // The budget ends on the k-th business day after the first day, `left` into it.
      const k = Math.max(1, Math.ceil(left / DAY_MS));
      const day = index.businessDays[(index.businessBefore[i + 1] ?? 0) + k - 1];
      if (day === undefined || !allImported(index, i, day - index.firstDay))
        return walkAddBusinessMillis(isBusinessDay, fromMs, budgetMs);
      return startOfDayNumber(day) + left - (k - 1) * DAY_MS;
    },
  };
}

/**
 * The repository's calendar, indexed when the module loads (marked pure: a bundle that never reads
 * it never builds it). Its dates are checked here as any import's are; its shape is checked by the
 * calendar's unit test and by `import-calendar`, which writes the file, so a cold start does not
 * run the schema over it again.
 */
export const defaultBusinessCalendar: BusinessCalendar = /* @__PURE__ */ indexBusinessCalendar(
  businessCalendarJson as BusinessCalendarData,
);

/**
 * Business time elapsed between two instants, in milliseconds: only the parts of whole Shanghai
 * days that are business days count (a business day counts 00:00–24:00). One business day is
 * therefore 24 hours of business time.
 */
export function businessMillisBetween(calendar: BusinessCalendar, fromMs: number, toMs: number): number {
  return calendar.businessMillisBetween(fromMs, toMs);
}

/**
 * The instant at which `budgetMs` of business time has elapsed since `fromMs` (the inverse of
 * businessMillisBetween). A start on a rest day begins counting at 00:00 of the next business day.
 */
export function addBusinessMillis(calendar: BusinessCalendar, fromMs: number, budgetMs: number): number {
  return calendar.addBusinessMillis(fromMs, budgetMs);
}

/** businessMillisBetween day by day: the definition, and the path that names a missing year. */
function walkBusinessMillisBetween(
  isBusinessDay: (date: string) => boolean,
  fromMs: number,
  toMs: number,
): number {
  let total = 0;
  let day = shanghaiDate(fromMs);
  for (;;) {
    const start = startOfShanghaiDay(day);
    const end = start + DAY_MS;
    if (start >= toMs) break;
    if (isBusinessDay(day)) total += Math.min(end, toMs) - Math.max(start, fromMs);
    day = nextDate(day);
  }
  return total;
}

/** addBusinessMillis day by day: the definition, and the path that names a missing year. */
function walkAddBusinessMillis(
  isBusinessDay: (date: string) => boolean,
  fromMs: number,
  budgetMs: number,
): number {
  let left = budgetMs;
  let at = fromMs;
  let day = shanghaiDate(fromMs);
  for (;;) {
    const end = startOfShanghaiDay(day) + DAY_MS;
    if (isBusinessDay(day)) {
      const available = end - at;
      if (left <= available) return at + left;
      left -= available;
    }
    day = nextDate(day);
    at = startOfShanghaiDay(day);
  }
}
