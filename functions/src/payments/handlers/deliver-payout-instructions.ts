import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { deliverPayoutInstructions } from '../use-cases/deliver-payout-instructions';
import { paymentsWiring, payoutDeps } from '../wiring';

/** EventBridge schedule (payments/functions.yml), every minute: the payout outbox's consumer. */
export const handler = scheduledJob(paymentsWiring, (deps) => deliverPayoutInstructions(payoutDeps(deps)), {
  logMessage: 'payout instructions delivered',
});
