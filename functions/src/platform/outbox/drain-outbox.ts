import type { Logger } from '@aws-lambda-powertools/logger';
import { mapConcurrently } from '../concurrency';

/**
 * The one consumer loop of every outbox (the endorsements' domain events, the letters' renewal
 * notices). Each entry is delivered on its own: a failure is logged and recorded on that entry
 * (attempts, last error, and for outboxes that schedule retries the next attempt time) and the
 * others go on. Exactly once is each outbox's own conditional write (taking the entry, or the
 * idempotent effect plus a conditional removal from its pending index); this loop only makes sure
 * one bad entry never stops a run.
 */
export interface OutboxDrain<E> {
  /** Delivers one entry; throws when it could not. */
  deliver(entry: E): Promise<void>;
  /** Records a failed delivery on the entry, so the next run sees why and how often. */
  recordFailure(entry: E, reason: string): Promise<void>;
  /** The entry's identity in log lines. */
  describe(entry: E): Record<string, unknown>;
  logger: Pick<Logger, 'error'>;
  /** Entries delivered at once (default 1: in order). */
  concurrency?: number;
}

export async function drainOutbox<E>(
  entries: readonly E[],
  drain: OutboxDrain<E>,
): Promise<{ failed: number }> {
  let failed = 0;
  await mapConcurrently(entries, drain.concurrency ?? 1, async (entry) => {
    try {
      await drain.deliver(entry);
    } catch (error) {
      failed++;
      drain.logger.error('outbox entry not delivered; left for the next run', {
        ...drain.describe(entry),
        error,
      });
      await drain.recordFailure(entry, errorMessage(error)).catch((recordError: unknown) =>
        drain.logger.error('could not record the failed attempt', {
          ...drain.describe(entry),
          recordError,
        }),
      );
    }
  });
  return { failed };
}

/** An error's message for an entry's `lastError`. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * When a failed entry is due again: 1, 5, 15, 60 and 180 minutes after its 1st…5th failed attempt;
 * null once `maxAttempts` attempts have failed (it stays failed, with its last error, for a person).
 */
export function nextAttemptAt(
  failedAttempts: number,
  now: number,
  maxAttempts = RETRY_DELAYS_MS.length + 1,
): number | null {
  if (failedAttempts >= maxAttempts) return null;
  const delay = RETRY_DELAYS_MS[Math.min(failedAttempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0]!;
  return now + delay;
}

const RETRY_DELAYS_MS = [1, 5, 15, 60, 180].map((minutes) => minutes * 60_000);
