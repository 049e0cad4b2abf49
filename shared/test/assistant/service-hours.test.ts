import { describe, expect, it } from 'vitest';
import {
  defaultServiceHours,
  describeServiceHours,
  isWithinServiceHours,
  ServiceHoursSchema,
} from '../../src/assistant/service-hours';

/** Shanghai wall-clock time → the instant (UTC+8 all year). */
const shanghai = (isoLocal: string) => new Date(`${isoLocal}+08:00`);

describe('service hours (人工客服服务时间)', () => {
  it('are 08:00–22:00 every day by default, in Shanghai time whatever the server’s zone', () => {
    expect(describeServiceHours(defaultServiceHours)).toBe('每日 08:00–22:00');
    expect(isWithinServiceHours(defaultServiceHours, shanghai('2026-11-26T07:59'))).toBe(false);
    expect(isWithinServiceHours(defaultServiceHours, shanghai('2026-11-26T08:00'))).toBe(true);
    expect(isWithinServiceHours(defaultServiceHours, shanghai('2026-11-26T21:59'))).toBe(true);
    expect(isWithinServiceHours(defaultServiceHours, shanghai('2026-11-26T22:00'))).toBe(false);
    // 23:30 UTC is 07:30 the next morning in Shanghai: closed.
    expect(isWithinServiceHours(defaultServiceHours, new Date('2026-11-25T23:30:00Z'))).toBe(false);
  });

  it('take per-weekday hours and closed days', () => {
    const hours = ServiceHoursSchema.parse({
      timeZone: 'Asia/Shanghai',
      daily: { open: '09:00', close: '18:00' },
      weekdays: { sat: { open: '10:00', close: '16:00' }, sun: null },
    });
    expect(describeServiceHours(hours)).toBe('每日 09:00–18:00（周日 休息，周六 10:00–16:00）');
    // 2026-11-28 is a Saturday, 2026-11-29 a Sunday.
    expect(isWithinServiceHours(hours, shanghai('2026-11-28T09:30'))).toBe(false);
    expect(isWithinServiceHours(hours, shanghai('2026-11-28T10:30'))).toBe(true);
    expect(isWithinServiceHours(hours, shanghai('2026-11-29T12:00'))).toBe(false);
    expect(isWithinServiceHours(hours, shanghai('2026-11-30T12:00'))).toBe(true);
  });

  it('refuse a window that closes before it opens, or a malformed time', () => {
    const bad = (daily: unknown) =>
      ServiceHoursSchema.safeParse({ timeZone: 'Asia/Shanghai', daily }).success;
    expect(bad({ open: '22:00', close: '08:00' })).toBe(false);
    expect(bad({ open: '8:00', close: '22:00' })).toBe(false);
    expect(bad(null)).toBe(true);
  });
});
