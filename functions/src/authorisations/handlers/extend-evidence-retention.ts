import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { extendEvidenceRetention } from '../use-cases/extend-evidence-retention';
import { authorisationsWiring } from '../wiring';

/** EventBridge schedule (authorisations/functions.yml), daily. */
export const handler = scheduledJob(
  authorisationsWiring,
  (deps) =>
    extendEvidenceRetention({
      authorisations: deps.repositories.authorisations,
      policies: deps.repositories.policies,
      videos: deps.authorisationVideos,
      logger: deps.logger,
      now: deps.now,
    }),
  {
    logMessage: 'authorisation evidence retention extended',
    quietWhen: (report) => report.extended === 0 && report.settled === 0 && report.failed === 0,
  },
);
