import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callbackDeadlineAt,
  canReschedule,
  type OpeningHours,
  offeredSlots,
  parseSlotId,
  reminderDueAt,
  SLOT_MINUTES,
  slotIdOf,
  slotStartAt,
  slotsFromOpeningHours,
  weekdayOf,
  windowDates,
} from '../../src/callback/window';
import { addDays, todayInShanghai } from '../../src/format/dates';

const DAY = { open: '09:00', close: '17:00' };
const WEEKEND = { open: '10:00', close: '16:00' };
const HOURS: OpeningHours = { 0: WEEKEND, 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY, 6: WEEKEND };

const isoDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc.integer({
  min: Date.parse('2024-01-01T00:00:00Z'),
  max: Date.parse('2030-12-31T00:00:00Z'),
});

describe('slots from opening hours', () => {
  it('lays out 30-minute slots inside the hours, weekends included', () => {
    // 2026-11-28 is a Saturday, 2026-11-30 a Monday.
    const slots = slotsFromOpeningHours(HOURS, '2026-11-28', '2026-11-30');
    expect(slots.filter((s) => s.date === '2026-11-28').map((s) => s.start)).toEqual([
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
    ]);
    expect(slots.filter((s) => s.date === '2026-11-30')).toHaveLength(16);
    expect(slots.at(-1)).toEqual({ date: '2026-11-30', start: '16:30' });
  });

  it('skips a closed day and a window shorter than a slot', () => {
    const hours: OpeningHours = { ...HOURS, 0: null, 6: { open: '10:00', close: '10:20' } };
    expect(slotsFromOpeningHours(hours, '2026-11-28', '2026-11-29')).toEqual([]);
  });

  it('never produces a slot that starts before opening or ends after closing', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 20 }), (from, days) => {
        for (const slot of slotsFromOpeningHours(HOURS, from, addDays(from, days))) {
          const hours = HOURS[weekdayOf(slot.date)];
          expect(hours).not.toBeNull();
          expect(slot.start >= (hours?.open ?? '')).toBe(true);
          const [h, m] = slot.start.split(':').map(Number);
          expect((h ?? 0) * 60 + (m ?? 0) + SLOT_MINUTES).toBeLessThanOrEqual(
            Number(hours?.close.slice(0, 2)) * 60 + Number(hours?.close.slice(3)),
          );
        }
      }),
    );
  });
});

describe('slot ids', () => {
  it('round-trip and reject impossible dates and times', () => {
    expect(parseSlotId('202611260930')).toEqual({ date: '2026-11-26', start: '09:30' });
    expect(parseSlotId('202602300930')).toBeNull();
    expect(parseSlotId('202611262500')).toBeNull();
    expect(parseSlotId('2026-11-26')).toBeNull();
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 47 }), (date, half) => {
        const start = `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`;
        expect(parseSlotId(slotIdOf({ date, start }))).toEqual({ date, start });
      }),
    );
  });

  it('places a slot in Asia/Shanghai whatever zone the process runs in', () => {
    expect(new Date(slotStartAt({ date: '2026-11-26', start: '09:30' })).toISOString()).toBe(
      '2026-11-26T01:30:00.000Z',
    );
    expect(new Date(callbackDeadlineAt('2026-12-07')).toISOString()).toBe('2026-12-07T16:00:00.000Z');
    expect(reminderDueAt({ date: '2026-11-26', start: '09:30' })).toBe(Date.parse('2026-11-26T01:00:00Z'));
  });
});

describe('offered slots', () => {
  const capacity = fc.record({
    seats: fc.integer({ min: 0, max: 5 }),
    booked: fc.integer({ min: 0, max: 5 }),
    open: fc.boolean(),
  });

  it('never offers a slot before the minimum notice, at or after the deadline, closed or full', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.array(capacity, { minLength: 1, maxLength: 400 }),
        (now, coolingDays, minNoticeMinutes, capacities) => {
          const today = todayInShanghai(new Date(now));
          const end = addDays(today, coolingDays);
          const deadlineAt = callbackDeadlineAt(end);
          const slots = slotsFromOpeningHours(HOURS, addDays(today, -1), addDays(end, 2)).map((slot, i) => ({
            ...slot,
            ...(capacities[i % capacities.length] ?? { seats: 1, booked: 0, open: true }),
          }));
          const offered = offeredSlots(slots, { now, deadlineAt, minNoticeMinutes });
          for (const slot of offered) {
            const startAt = slotStartAt(slot);
            expect(startAt).toBeGreaterThanOrEqual(now + minNoticeMinutes * 60_000);
            expect(startAt).toBeLessThan(deadlineAt);
            // The deadline is the end of the cooling-off end day in Shanghai: never a later date.
            expect(slot.date <= end).toBe(true);
            expect(slot.open && slot.booked < slot.seats).toBe(true);
          }
          // And nothing that qualifies is left out.
          const qualifying = slots.filter(
            (s) =>
              s.open &&
              s.booked < s.seats &&
              slotStartAt(s) >= now + minNoticeMinutes * 60_000 &&
              slotStartAt(s) < deadlineAt,
          );
          expect(offered).toHaveLength(qualifying.length);
          expect(offered.map(slotStartAt)).toEqual([...offered.map(slotStartAt)].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('offers the last slot of the cooling-off end day and nothing of the day after', () => {
    const now = Date.parse('2026-11-26T00:00:00+08:00');
    const slots = [
      { date: '2026-12-07', start: '23:30', seats: 1, booked: 0, open: true },
      { date: '2026-12-08', start: '00:00', seats: 1, booked: 0, open: true },
    ];
    const offered = offeredSlots(slots, {
      now,
      deadlineAt: callbackDeadlineAt('2026-12-07'),
      minNoticeMinutes: 120,
    });
    expect(offered.map((s) => s.date)).toEqual(['2026-12-07']);
  });

  it('covers the days from today to the cooling-off end day', () => {
    expect(windowDates('2026-11-26', '2026-11-28')).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
    expect(windowDates('2026-11-29', '2026-11-28')).toEqual([]);
  });
});

describe('reschedules', () => {
  it('allows three moves and no more', () => {
    expect([0, 1, 2, 3, 4].map(canReschedule)).toEqual([true, true, true, false, false]);
  });
});
