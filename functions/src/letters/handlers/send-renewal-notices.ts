import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { runRenewalNotices } from '../use-cases/run-renewal-notices';
import { lettersWiring } from '../wiring';
import { renewalRunDeps } from '../wiring-issuing';

/** EventBridge schedule (letters/functions.yml), hourly. */
export const handler = scheduledJob(lettersWiring, (deps) => runRenewalNotices(renewalRunDeps(deps)), {
  logMessage: 'renewal notices run',
});
