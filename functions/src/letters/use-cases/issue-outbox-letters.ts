import type { Logger } from '@aws-lambda-powertools/logger';
import type { LetterRecord } from '@zhixiang/shared/letters/model';
import { drainOutbox } from '../../platform/outbox/drain-outbox';

/** A context's outbox of letters to issue (a complaint's decision, an authorisation's decision). */
export interface LetterOutbox<E> {
  entries: readonly E[];
  /** Issues the entry's letter (idempotent per entry): the letter, and whether it is new. */
  issue(entry: E): Promise<{ letter: LetterRecord; created: boolean }>;
  /** Takes the entry off the pending index; false when another consumer took it first. */
  markIssued(entry: E, letterId: string): Promise<boolean>;
  recordFailure(entry: E, reason: string): Promise<void>;
  describe(entry: E): Record<string, unknown>;
  logger: Pick<Logger, 'error'>;
}

export interface LetterOutboxReport {
  pending: number;
  issued: number;
  /** Entries another consumer took first. */
  takenElsewhere: number;
  failed: number;
}

/**
 * Issues the letter of each pending entry, then takes the entry off its pending index with a
 * conditional write. The letter is idempotent per entry, so two consumers, or a retry after a crash
 * between the two steps, issue one letter. A failure is counted on its entry and the others go on
 * (the outbox loop of `platform/outbox`).
 */
export async function issueOutboxLetters<E>(outbox: LetterOutbox<E>): Promise<LetterOutboxReport> {
  const report: LetterOutboxReport = {
    pending: outbox.entries.length,
    issued: 0,
    takenElsewhere: 0,
    failed: 0,
  };
  const { failed } = await drainOutbox(outbox.entries, {
    deliver: async (entry) => {
      const { letter, created } = await outbox.issue(entry);
      if (created) report.issued++;
      if (!(await outbox.markIssued(entry, letter.letterId))) report.takenElsewhere++;
    },
    recordFailure: outbox.recordFailure,
    describe: outbox.describe,
    logger: outbox.logger,
  });
  report.failed = failed;
  return report;
}
