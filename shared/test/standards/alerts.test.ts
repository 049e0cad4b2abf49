import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WARNING_RATIO } from '../../src/complaints/clocks';
import {
  ALERT_BREACH,
  ALERT_WARNING,
  alertBranch,
  alertLevelLabel,
  alertLevels,
  MAX_ALERT_LEVEL,
} from '../../src/standards/alerts';
import type { StandardDefinition } from '../../src/standards/model';

const HOUR = 3_600_000;
const within: Pick<StandardDefinition, 'metric' | 'target'> = {
  metric: { kind: 'duration', start: ['a.start'], stop: ['a.stop'], pauses: [] },
  target: { limitMs: 10 * HOUR, bound: 'within', clock: { kind: 'calendar' }, requiredShare: 0.95 },
};
const atLeast: typeof within = { ...within, target: { ...within.target, bound: 'at_least' } };
const rate: typeof within = {
  metric: { kind: 'rate', eligible: ['a.start'], delivered: ['a.stop'] },
  target: { requiredShare: 0.9 },
} as typeof within;

const open = (elapsedMs: number) => ({
  status: elapsedMs > 10 * HOUR ? ('breached' as const) : ('open' as const),
  stopAt: null,
  elapsedMs,
});

describe('the alerts of a fixed standard’s case', () => {
  it('warns at 80 % of the clock, like a complaint’s clock, and not before', () => {
    expect(WARNING_RATIO).toBe(0.8);
    expect(alertLevels(within, open(8 * HOUR - 1))).toEqual([]);
    expect(alertLevels(within, open(8 * HOUR))).toEqual([ALERT_WARNING]);
    expect(alertLevels(within, { status: 'met', stopAt: 1, elapsedMs: 9 * HOUR })).toEqual([]);
  });

  it('escalates a breach one level, and one more for each further limit it stays open', () => {
    expect(alertLevels(within, open(10 * HOUR + 1))).toEqual([ALERT_WARNING, ALERT_BREACH]);
    expect(alertLevels(within, open(25 * HOUR))).toEqual([0, 1, 2]);
    expect(alertLevels(within, open(1000 * HOUR))).toEqual([0, 1, 2, 3, 4]);
    // Closed outside its limit: breached once, however late.
    expect(alertLevels(within, { status: 'breached', stopAt: 1, elapsedMs: 40 * HOUR })).toEqual([0, 1]);
  });

  it('raises only the breach of an `at_least` case, and nothing for a rate', () => {
    expect(alertLevels(atLeast, { status: 'breached', stopAt: 1, elapsedMs: HOUR })).toEqual([1]);
    expect(alertLevels(atLeast, open(9 * HOUR))).toEqual([]);
    expect(alertLevels(rate, { status: 'open', stopAt: null, elapsedMs: null })).toEqual([]);
  });

  it('levels are ascending, distinct, bounded, and grow with the time spent', () => {
    fc.assert(
      fc.property(fc.nat(2000 * HOUR), fc.nat(2000 * HOUR), (a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        const l1 = alertLevels(within, open(less));
        const l2 = alertLevels(within, open(more));
        expect(l1).toEqual([...new Set(l1)].sort((x, y) => x - y));
        expect(l2.length).toBeGreaterThanOrEqual(l1.length);
        expect(l2.every((l) => l >= 0 && l <= MAX_ALERT_LEVEL)).toBe(true);
        // Every level up to the highest is there: none is skipped.
        expect(l2).toEqual(l2.map((_, i) => i));
      }),
    );
  });

  it('goes up the branch ladder (四级机构 → 中支 → 分公司 → 总公司) and stops at the root', () => {
    const leaf = 'HQ/SH/SH-PD/SH-PD-01';
    expect([0, 1, 2, 3, 4].map((level) => alertBranch(leaf, level))).toEqual([
      leaf,
      'HQ/SH/SH-PD',
      'HQ/SH',
      'HQ',
      'HQ',
    ]);
    expect(alertBranch('HQ', 1)).toBe('HQ');
    expect(alertLevelLabel(0)).toBe('临近超时预警');
    expect(alertLevelLabel(1)).toBe('超时升级');
    expect(alertLevelLabel(3)).toBe('超时 3 倍时限，再次升级');
  });
});
