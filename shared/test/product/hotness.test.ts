import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/format/dates';
import { ACTIVITY_WEIGHTS, HALF_LIFE_DAYS, nextHotness } from '../../src/product/hotness';

const none = { views: 0, searchHits: 0, sales: 0 };

describe('hotness', () => {
  it('halves every half-life without activity', () => {
    expect(nextHotness(800, HALF_LIFE_DAYS, none)).toBe(400);
    expect(nextHotness(800, 2 * HALF_LIFE_DAYS, null)).toBe(200);
  });

  it('adds the day’s activity, a sale weighing most', () => {
    expect(nextHotness(0, 1, { views: 10, searchHits: 5, sales: 1 })).toBe(
      10 * ACTIVITY_WEIGHTS.views + 5 * ACTIVITY_WEIGHTS.searchHits + ACTIVITY_WEIGHTS.sales,
    );
    expect(ACTIVITY_WEIGHTS.sales).toBeGreaterThan(ACTIVITY_WEIGHTS.views);
  });

  it('never decays for a zero or negative gap and never goes negative', () => {
    expect(nextHotness(100, 0, none)).toBe(100);
    expect(nextHotness(-5, 1, none)).toBe(0);
  });

  it('counts days between Shanghai dates', () => {
    expect(daysBetween('2026-11-24', '2026-11-25')).toBe(1);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});
