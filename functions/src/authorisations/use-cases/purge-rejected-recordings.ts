import type { Logger } from '@aws-lambda-powertools/logger';
import type { AuthorisationStore, AuthorisationVideoFiles } from '@zhixiang/shared/ports/authorisations';
import { drainOutbox } from '../../platform/outbox/drain-outbox';

/** Rejected authorisations handled per run (the job runs daily). */
export const PURGE_PAGE = 100;

export interface PurgeRejectedRecordingsDeps {
  authorisations: Pick<AuthorisationStore, 'listDueForPurge' | 'put'>;
  videos: Pick<AuthorisationVideoFiles, 'purgeEvidence'>;
  logger: Pick<Logger, 'error'>;
  now: () => number;
}

/**
 * Deletes the recording and the document photo of each rejected authorisation whose appeal
 * window has passed, lifting their governance-mode lock, and records the deletion on the
 * authorisation (which takes it off the due index). The record itself — the fields, the decision,
 * the recording's hash — stays. A failure is left for the next run; the others go on.
 */
export async function purgeRejectedRecordings(deps: PurgeRejectedRecordingsDeps) {
  const now = new Date(deps.now()).toISOString();
  const due = await deps.authorisations.listDueForPurge(now, PURGE_PAGE);
  let purged = 0;
  const { failed } = await drainOutbox(due, {
    deliver: async (record) => {
      if (!record.recording) return;
      await deps.videos.purgeEvidence(record.recording.key, record.recording.versionId ?? null);
      if (record.documentPhoto)
        await deps.videos.purgeEvidence(record.documentPhoto.key, record.documentPhoto.versionId ?? null);
      const saved = await deps.authorisations.put(
        {
          ...record,
          recording: { ...record.recording, purgedAt: now },
          documentPhoto: null,
          purgeAfter: null,
          version: record.version + 1,
        },
        record.version,
      );
      if (saved) purged++;
    },
    // Nothing to record on the entry: it stays due and the next run tries again.
    recordFailure: async () => {},
    describe: (record) => ({ authorisationId: record.authorisationId }),
    logger: deps.logger,
  });
  return { due: due.length, purged, failed };
}
