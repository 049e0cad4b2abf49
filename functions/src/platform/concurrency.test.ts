import { describe, expect, it } from 'vitest';
import { mapConcurrently } from './concurrency';

describe('mapConcurrently', () => {
  it('keeps at most the given number of calls in flight and returns the results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapConcurrently([30, 5, 20, 1, 10, 2], 3, async (ms, index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight -= 1;
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    expect(most).toBe(3);
  });

  it('with one worker, calls in order, one at a time; with no items, calls nothing', async () => {
    const calls: number[] = [];
    await mapConcurrently([3, 1, 2], 1, async (n) => void calls.push(n));
    expect(calls).toEqual([3, 1, 2]);
    expect(await mapConcurrently([], 4, async () => 1)).toEqual([]);
  });

  it('rejects when a call rejects', async () => {
    await expect(
      mapConcurrently([1, 2], 2, async (n) => {
        if (n === 2) throw new Error('两号失败');
        return n;
      }),
    ).rejects.toThrow('两号失败');
  });
});
