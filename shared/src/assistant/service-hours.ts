import * as z from 'zod/mini';
import serviceHoursJson from '../../../config/service-hours.json';
import { shanghaiClock, shanghaiWeekday } from '../format/dates';

/**
 * When people staff the live chat (人工客服服务时间), an insurer's setting (config/service-hours.json,
 * or the ASSISTANT_SERVICE_HOURS environment variable of a stage): the same hours every day, and
 * optionally other hours — or none (`null`) — on given weekdays. Times are Asia/Shanghai wall-clock
 * times, whatever zone the function runs in. Outside them a handoff becomes a message (留言) that
 * staff answer later; the customer is notified by SMS and sees the answer in the 客服 tab.
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const WEEKDAY_NAMES: Record<(typeof WEEKDAYS)[number], string> = {
  sun: '周日',
  mon: '周一',
  tue: '周二',
  wed: '周三',
  thu: '周四',
  fri: '周五',
  sat: '周六',
};

/** Built in a function so that code which may never read service hours builds nothing at import. */
/* @__NO_SIDE_EFFECTS__ */
function serviceHoursSchema() {
  const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'));
  const window = z
    .object({ open: clock, close: clock })
    .check(z.refine((w) => w.open < w.close, { message: '开始时间应早于结束时间' }));
  return z.object({
    timeZone: z.literal('Asia/Shanghai'),
    daily: z.nullable(window),
    /** Overrides of `daily` for some weekdays; null = no live service that day. */
    weekdays: z._default(z.partialRecord(z.enum(WEEKDAYS), z.nullable(window)), {}),
  });
}

export const ServiceHoursSchema = /* @__PURE__ */ serviceHoursSchema();
export type ServiceHours = z.infer<typeof ServiceHoursSchema>;

/** The repository's default, checked when the module loads. */
export const defaultServiceHours: ServiceHours = /* @__PURE__ */ ServiceHoursSchema.parse(serviceHoursJson);

let builtOnUse: ReturnType<typeof serviceHoursSchema> | undefined;
let defaultOnUse: ServiceHours | undefined;

/**
 * Service hours given as JSON text (a stage's ASSISTANT_SERVICE_HOURS), checked with a schema built
 * on first use: the hours, or what is wrong with them.
 */
export function parseServiceHoursJson(json: string): { hours: ServiceHours } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { problem: 'not valid JSON' };
  }
  builtOnUse ??= serviceHoursSchema();
  const parsed = builtOnUse.safeParse(value);
  if (parsed.success) return { hours: parsed.data };
  return { problem: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') };
}

/** config/service-hours.json, checked on first use (the same value as defaultServiceHours). */
export function repositoryServiceHours(): ServiceHours {
  if (!defaultOnUse) {
    const read = parseServiceHoursJson(JSON.stringify(serviceHoursJson));
    if ('problem' in read) throw new Error(`config/service-hours.json: ${read.problem}`);
    defaultOnUse = read.hours;
  }
  return defaultOnUse;
}

/** Shanghai's weekday and HH:mm, by hand like every Shanghai time here (no Intl: see format/dates). */
function shanghaiNow(at: Date): { weekday: (typeof WEEKDAYS)[number]; time: string } {
  const { hour, minute } = shanghaiClock(at);
  const weekday = WEEKDAYS[shanghaiWeekday(at)] ?? 'sun';
  return { weekday, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

/** Whether a person can take a live chat at this moment (open ≤ now < close, Shanghai time). */
export function isWithinServiceHours(hours: ServiceHours, at: Date): boolean {
  const { weekday, time } = shanghaiNow(at);
  const today = weekday in hours.weekdays ? hours.weekdays[weekday] : hours.daily;
  return Boolean(today && today.open <= time && time < today.close);
}

/** 「每日 08:00–22:00」, or 「每日 08:00–22:00（周日 09:00–18:00，周六休息）」. */
export function describeServiceHours(hours: ServiceHours): string {
  const span = (w: { open: string; close: string } | null) => (w ? `${w.open}–${w.close}` : '休息');
  const base = hours.daily ? `每日 ${span(hours.daily)}` : '仅以下时间';
  const exceptions = WEEKDAYS.filter((d) => d in hours.weekdays).map(
    (d) => `${WEEKDAY_NAMES[d]} ${span(hours.weekdays[d] ?? null)}`,
  );
  return exceptions.length > 0 ? `${base}（${exceptions.join('，')}）` : base;
}
