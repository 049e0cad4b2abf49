import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { purgeRejectedRecordings } from '../use-cases/purge-rejected-recordings';
import { authorisationsWiring } from '../wiring';

/** EventBridge schedule (authorisations/functions.yml), nightly. */
export const handler = scheduledJob(
  authorisationsWiring,
  (deps) =>
    purgeRejectedRecordings({
      authorisations: deps.repositories.authorisations,
      videos: deps.authorisationVideos,
      logger: deps.logger,
      now: deps.now,
    }),
  { logMessage: 'rejected authorisation recordings purged', quietWhen: (report) => report.due === 0 },
);
