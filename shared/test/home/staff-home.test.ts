import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWait, STAFF_QUEUES, staffQueue } from '../../src/home/staff-home';

/** A staff queue counts exactly the items of the subtree, and its oldest wait is the earliest of them. */
const path = fc.constantFrom('HQ', 'HQ/SH', 'HQ/SH/SH-PD', 'HQ/SH2', 'HQ/BJ');
const NOW = Date.UTC(2026, 10, 25, 2);

describe('staff queues', () => {
  it('count the items in the subtree only, oldest first', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STAFF_QUEUES),
        fc.array(fc.record({ branchPath: path, since: fc.integer({ min: NOW - 5 * 86_400_000, max: NOW }) })),
        path,
        (queue, items, scope) => {
          const mine = items.filter((i) => i.branchPath === scope || i.branchPath.startsWith(`${scope}/`));
          const result = staffQueue(queue, items, scope, NOW);
          expect(result.count).toBe(mine.length);
          expect(result.oldestSince).toBe(mine.length ? Math.min(...mine.map((i) => i.since)) : null);
          if (result.oldestSince !== null)
            expect(result.oldestAgeMinutes).toBe(Math.floor((NOW - result.oldestSince) / 60_000));
        },
      ),
    );
  });

  it('never counts a sibling branch whose path merely starts the same', () => {
    expect(staffQueue('complaints', [{ branchPath: 'HQ/SH2', since: NOW }], 'HQ/SH', NOW).count).toBe(0);
    expect(staffQueue('complaints', [{ branchPath: 'HQ/SH2', since: NOW }], '', NOW).count).toBe(1);
  });

  it('says the wait in Chinese in its largest unit', () => {
    expect(formatWait(5)).toBe('最久等待 5 分钟');
    expect(formatWait(150)).toBe('最久等待 2 小时');
    expect(formatWait(3 * 24 * 60 + 5)).toBe('最久等待 3 天');
    expect(formatWait(-30)).toBe('最早一通 30 分钟后');
    expect(formatWait(-150)).toBe('最早一通 2 小时后');
  });
});
