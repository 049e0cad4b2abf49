import { describe, expect, it } from 'vitest';
import { drainOutbox, nextAttemptAt } from './drain-outbox';

describe('drainOutbox', () => {
  it('delivers every entry; a failing one is recorded with its reason and the others go on', async () => {
    const delivered: string[] = [];
    const recorded: [string, string][] = [];
    const logged: string[] = [];
    const result = await drainOutbox(['a', 'b', 'c'], {
      deliver: async (entry) => {
        if (entry === 'b') throw new Error('renderer down');
        delivered.push(entry);
      },
      recordFailure: async (entry, reason) => void recorded.push([entry, reason]),
      describe: (entry) => ({ entry }),
      logger: { error: (message: string) => void logged.push(message) },
    });
    expect(result).toEqual({ failed: 1 });
    expect(delivered).toEqual(['a', 'c']);
    expect(recorded).toEqual([['b', 'renderer down']]);
    expect(logged).toHaveLength(1);
  });

  it('survives a failure to record the failure, and delivers each entry once at any concurrency', async () => {
    const seen: number[] = [];
    const entries = Array.from({ length: 20 }, (_, i) => i);
    const result = await drainOutbox(entries, {
      deliver: async (entry) => {
        await new Promise((resolve) => setTimeout(resolve, entry % 3));
        seen.push(entry);
        if (entry === 7) throw new Error('boom');
      },
      recordFailure: async () => Promise.reject(new Error('table down')),
      describe: (entry) => ({ entry }),
      logger: { error: () => undefined },
      concurrency: 4,
    });
    expect(result).toEqual({ failed: 1 });
    expect(seen.sort((x, y) => x - y)).toEqual(entries);
  });
});

describe('nextAttemptAt', () => {
  it('backs off 1, 5, 15, 60 and 180 minutes, then gives up', () => {
    const now = 1_000_000;
    expect([1, 2, 3, 4, 5].map((failed) => (nextAttemptAt(failed, now)! - now) / 60_000)).toEqual([
      1, 5, 15, 60, 180,
    ]);
    expect(nextAttemptAt(6, now)).toBeNull();
    expect(nextAttemptAt(3, now, 3)).toBeNull();
  });
});
