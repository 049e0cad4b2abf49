import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { pushStandardAlerts } from '../use-cases/push-alerts';
import { warnStandardBreaches } from '../use-cases/warn-breaches';
import { standardAlertsWiring } from '../wiring-alerts';

/**
 * EventBridge schedule (standards/functions.yml), every 5 minutes: raises the alerts due, then
 * pushes the alerts not pushed yet (this run's, and an earlier run's failed or interrupted ones).
 */
export const handler = scheduledJob(
  standardAlertsWiring,
  async (deps) => ({ ...(await warnStandardBreaches(deps)), pushes: await pushStandardAlerts(deps) }),
  {
    logMessage: 'service standard warning run',
    quietWhen: (report) => report.raised === 0 && report.pushes.pushed === 0 && report.pushes.failed === 0,
  },
);
