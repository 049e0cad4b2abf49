import { nextDate, shanghaiDate, startOfShanghaiDay } from '@zhixiang/shared/complaints/calendar';
import { AppError } from '@zhixiang/shared/errors';
import type * as z from 'zod/mini';
import { parseBody } from './validation';

const DAY_MS = 86_400_000;

/**
 * A report's `?from&to` (Shanghai days, both included): real days by the schema (which may check
 * more of the query, given in `extra`), in order, at most `maxDays`; without dates, the last
 * `defaultDays` days up to today. `toMs` is exclusive: 00:00 after the last day.
 */
export function parseDayRange<S extends z.ZodMiniType<{ from: string; to: string }>>(
  schema: S,
  query: Record<string, string | undefined>,
  now: number,
  limits: { defaultDays: number; maxDays: number },
  extra: Record<string, unknown> = {},
): z.output<S> & { fromMs: number; toMs: number } {
  const to = query.to ?? shanghaiDate(now);
  const parsed = parseBody(schema, {
    from: query.from ?? (/^\d{4}-\d{2}-\d{2}$/.test(to) ? nextDate(to, 1 - limits.defaultDays) : undefined),
    to,
    ...extra,
  }) as z.output<S> & { from: string; to: string };
  if (parsed.to < parsed.from)
    throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', { field: 'to' });
  const fromMs = startOfShanghaiDay(parsed.from);
  const toMs = startOfShanghaiDay(nextDate(parsed.to));
  if (toMs - fromMs > limits.maxDays * DAY_MS)
    throw new AppError('VALIDATION_FAILED', `统计区间最长 ${limits.maxDays} 天，请缩短日期范围`, {
      field: 'to',
    });
  return { ...parsed, fromMs, toMs };
}
