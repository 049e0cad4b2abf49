import { describe, expect, it } from 'vitest';
import { ReferenceCache } from './reference-cache';

describe('ReferenceCache', () => {
  it('reads a key once within its time to live, again after it, and again after forget', async () => {
    const cache = new ReferenceCache<string>(1000);
    let reads = 0;
    const load = async () => `v${++reads}`;
    expect(await cache.get('a', load, 0)).toBe('v1');
    expect(await cache.get('a', load, 999)).toBe('v1');
    expect(await cache.get('a', load, 1000)).toBe('v2');
    cache.forget('a');
    expect(await cache.get('a', load, 1001)).toBe('v3');
    expect(reads).toBe(3);
  });

  it('does not remember a missing item or a failed read', async () => {
    const cache = new ReferenceCache<string>(60_000);
    let reads = 0;
    const counted =
      <T>(value: T) =>
      async () => {
        reads++;
        return value;
      };
    expect(await cache.get('gone', counted(null), 0)).toBeNull();
    await expect(
      cache.get(
        'broken',
        async () => {
          reads++;
          throw new Error('throttled');
        },
        0,
      ),
    ).rejects.toThrow('throttled');
    await Promise.resolve();
    expect(await cache.get('gone', counted('now here'), 1)).toBe('now here');
    expect(await cache.get('broken', counted('recovered'), 1)).toBe('recovered');
    expect(reads).toBe(4);
  });
});
