import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { deliverEndorsementEvents } from '../use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps, deliveryWiring } from '../wiring-delivery';

/** EventBridge schedule (endorsements/functions.yml), every 5 minutes. */
export const handler = scheduledJob(
  deliveryWiring,
  (deps) => deliverEndorsementEvents(deliverEndorsementEventsDeps(deps)),
  { logMessage: 'endorsement events delivered', quietWhen: (report) => report.pending === 0 },
);
