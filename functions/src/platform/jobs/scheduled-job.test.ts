import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import type { Platform } from '../process';
import { scheduledJob } from './scheduled-job';

/** A platform with only what the wrapper touches: the log and a metrics flush that is counted. */
function platformCountingFlushes() {
  const flushes = { count: 0 };
  const platform = {
    logger: createLogger({ logLevel: 'SILENT' }),
    metrics: {
      count: () => undefined,
      gauge: () => undefined,
      flush: () => {
        flushes.count += 1;
      },
    },
  } as unknown as Platform;
  return { platform, flushes };
}

describe('scheduledJob', () => {
  it('runs the job once and flushes the invocation metrics once', async () => {
    const { platform, flushes } = platformCountingFlushes();
    let runs = 0;
    const handler = scheduledJob(
      () => platform,
      async () => ({ runs: ++runs }),
      { logMessage: 'job ran' },
    );
    await handler();
    expect(runs).toBe(1);
    expect(flushes.count).toBe(1);
  });

  it('flushes and rethrows when the job fails, so Lambda counts the error and retries', async () => {
    const { platform, flushes } = platformCountingFlushes();
    const handler = scheduledJob(
      () => platform,
      async () => {
        throw new Error('table unavailable');
      },
      { logMessage: 'job ran' },
    );
    await expect(handler()).rejects.toThrow('table unavailable');
    expect(flushes.count).toBe(1);
  });
});
