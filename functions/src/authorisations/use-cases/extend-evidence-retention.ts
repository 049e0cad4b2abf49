import type { Logger } from '@aws-lambda-powertools/logger';
import { extendedRetention } from '@zhixiang/shared/authorisations/retention';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type {
  AuthorisationRecord,
  AuthorisationStore,
  AuthorisationVideoFiles,
} from '@zhixiang/shared/ports/authorisations';
import type { PolicyRepository } from '@zhixiang/shared/ports/repositories';
import { drainOutbox } from '../../platform/outbox/drain-outbox';

/** Authorisations looked at per page; the job goes through every page of the index each run. */
export const RETENTION_PAGE = 100;

export interface ExtendEvidenceRetentionDeps {
  authorisations: Pick<AuthorisationStore, 'listOpenEndedRetention' | 'put'>;
  policies: Pick<PolicyRepository, 'get'>;
  videos: Pick<AuthorisationVideoFiles, 'extendRetention'>;
  logger: Pick<Logger, 'error'>;
  now: () => number;
}

/** A policy still running (in force, or lapsed and so reinstatable): its end is still to come. */
const running = (status: string | undefined) => status === 'in_force' || status === 'lapsed';

/**
 * The daily look at the evidence locked for open-ended policies (`retention.ts`): each such policy
 * that has ended is settled with the lock extended to today + 10 years (today is on or after its
 * end); while one still runs, the lock is extended whenever it would lapse within a year. The
 * objects' locks are extended first (PutObjectRetention, governance mode), then the record: a crash
 * in between is repeated by the next run, which extends to the same day or later. A failure is left
 * for the next run; the others go on.
 */
export async function extendEvidenceRetention(deps: ExtendEvidenceRetentionDeps) {
  const today = todayInShanghai(new Date(deps.now()));
  let looked = 0;
  let extended = 0;
  let settled = 0;
  let failed = 0;
  let after: string | undefined;
  for (;;) {
    const page = await deps.authorisations.listOpenEndedRetention(RETENTION_PAGE, after);
    looked += page.length;
    const run = await drainOutbox(page, {
      deliver: async (record) => {
        const outcome = await lookAt(deps, record, today);
        if (outcome.extended) extended++;
        settled += outcome.settled;
      },
      // Nothing to record on the entry: it stays on the index and the next run looks again.
      recordFailure: async () => {},
      describe: (record) => ({ authorisationId: record.authorisationId }),
      logger: deps.logger,
    });
    failed += run.failed;
    if (page.length < RETENTION_PAGE) break;
    after = page.at(-1)?.authorisationId;
  }
  return { looked, extended, settled, failed };
}

async function lookAt(
  deps: ExtendEvidenceRetentionDeps,
  record: AuthorisationRecord,
  today: string,
): Promise<{ extended: boolean; settled: number }> {
  const recording = record.recording;
  if (!recording?.retainUntil) return { extended: false, settled: 0 };
  const current = new Date(recording.retainUntil);
  let retainUntil = current;
  const stillOpen: string[] = [];
  for (const policyNo of recording.openEndedPolicyNos ?? []) {
    const policy = await deps.policies.get(policyNo);
    const next = extendedRetention(retainUntil, today, running(policy?.status));
    retainUntil = next.retainUntil;
    if (!next.settled) stillOpen.push(policyNo);
  }
  const extended = retainUntil.getTime() > current.getTime();
  if (extended) {
    await deps.videos.extendRetention(recording.key, recording.versionId ?? null, retainUntil);
    if (record.documentPhoto?.versionId !== undefined)
      await deps.videos.extendRetention(
        record.documentPhoto.key,
        record.documentPhoto.versionId ?? null,
        retainUntil,
      );
  }
  const settledCount = (recording.openEndedPolicyNos?.length ?? 0) - stillOpen.length;
  if (!extended && settledCount === 0) return { extended, settled: 0 };
  const { openEndedPolicyNos: _settledOnes, ...rest } = recording;
  const saved = await deps.authorisations.put(
    {
      ...record,
      recording: {
        ...rest,
        retainUntil: retainUntil.toISOString(),
        ...(stillOpen.length > 0 ? { openEndedPolicyNos: stillOpen } : {}),
      },
      version: record.version + 1,
    },
    record.version,
    // The change is audited with it, in one transaction: the job (`system`) and when.
    { audit: { action: 'retention_extended', byUserId: 'system', at: new Date(deps.now()).toISOString() } },
  );
  // Written in between (a decision, a revocation): the next run looks again, the lock already extended.
  if (!saved)
    throw new Error(`authorisation ${record.authorisationId} changed while its retention was extended`);
  return { extended, settled: settledCount };
}
