import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { expireEventOffers } from '../use-cases/expire-event-offers';
import { eventsWiring } from '../wiring';

/** EventBridge schedule (events/functions.yml), every 5 minutes. */
export const handler = scheduledJob(eventsWiring, expireEventOffers, {
  logMessage: 'event offer expiry run',
  quietWhen: (report) => report.expired === 0 && report.offered === 0 && report.failed === 0,
});
