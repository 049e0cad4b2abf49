import { readFile, writeFile } from 'node:fs/promises';
import { BusinessCalendarSchema, loadBusinessCalendar } from '@zhixiang/shared/complaints/calendar';

/** Where the functions read the business calendar from (bundled: a change needs a deployment). */
export const CALENDAR_FILE = new URL('../../../config/business-calendar.json', import.meta.url);

export interface CalendarImport {
  added: string[];
  replaced: string[];
  unchanged: string[];
  /** The merged calendar, checked by the same loader the functions use. */
  merged: unknown;
}

/**
 * Merges a file of one or more years (as published in the State Council's yearly notice) into the
 * current calendar: a new year is added, a year already there is replaced by the imported one.
 * Both files and the result are checked by `loadBusinessCalendar`, so a bad file changes nothing.
 */
export function mergeCalendar(current: unknown, incoming: unknown): CalendarImport {
  const base = BusinessCalendarSchema.parse(current);
  loadBusinessCalendar(incoming);
  const next = BusinessCalendarSchema.parse(incoming);
  const years = { ...base.years };
  const result: Omit<CalendarImport, 'merged'> = { added: [], replaced: [], unchanged: [] };
  for (const [year, entry] of Object.entries(next.years)) {
    if (!(year in years)) result.added.push(year);
    else if (JSON.stringify(years[year]) === JSON.stringify(entry)) result.unchanged.push(year);
    else result.replaced.push(year);
    years[year] = entry;
  }
  const sorted = Object.fromEntries(Object.entries(years).sort(([a], [b]) => a.localeCompare(b)));
  const merged = { ...base, years: sorted };
  loadBusinessCalendar(merged);
  return { ...result, merged };
}

export async function importCalendar(file: string): Promise<string> {
  const incoming: unknown = JSON.parse(await readFile(file, 'utf8'));
  const current: unknown = JSON.parse(await readFile(CALENDAR_FILE, 'utf8'));
  const outcome = mergeCalendar(current, incoming);
  const changed = outcome.added.length + outcome.replaced.length > 0;
  if (changed) await writeFile(CALENDAR_FILE, `${JSON.stringify(outcome.merged, null, 2)}\n`);
  const list = (years: string[]) => (years.length ? years.join('、') : '无');
  const summary = `业务日历：新增 ${list(outcome.added)}，更新 ${list(outcome.replaced)}，未变 ${list(outcome.unchanged)}`;
  return changed
    ? `${summary}；已写入 config/business-calendar.json，重新部署后生效`
    : `${summary}；文件未改动`;
}
