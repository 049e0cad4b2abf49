import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { closeExpiredPayments } from '../use-cases/close-expired-payments';
import { paymentDeps, paymentsWiring } from '../wiring';

/** EventBridge schedule (payments/functions.yml), every 5 minutes. */
export const handler = scheduledJob(paymentsWiring, (deps) => closeExpiredPayments(paymentDeps(deps)), {
  logMessage: 'expired payments closed',
});
