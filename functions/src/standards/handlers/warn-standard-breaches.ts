import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { warnStandardBreaches } from '../use-cases/warn-breaches';
import { standardsWiring } from '../wiring';

/** EventBridge schedule (standards/functions.yml), every 5 minutes. */
export const handler = scheduledJob(standardsWiring, warnStandardBreaches, {
  logMessage: 'service standard warning run',
  quietWhen: (report) => report.raised === 0,
});
