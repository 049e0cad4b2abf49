import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { deliverEventOfferNotices } from '../use-cases/event-notices';
import { expireEventOffers } from '../use-cases/expire-event-offers';
import { eventNoticesWiring } from '../wiring-notices';

/**
 * EventBridge schedule (events/functions.yml), every 5 minutes: the offers' expiry and freed
 * seats, then the notices of open offers whose customer was not told yet.
 */
export const handler = scheduledJob(
  eventNoticesWiring,
  async (deps) => ({ ...(await expireEventOffers(deps)), notices: await deliverEventOfferNotices(deps) }),
  {
    logMessage: 'event offer expiry run',
    quietWhen: (report) =>
      report.expired === 0 &&
      report.offered === 0 &&
      report.failed === 0 &&
      report.notices.notified === 0 &&
      report.notices.failed === 0,
  },
);
