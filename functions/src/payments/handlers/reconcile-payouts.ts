import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { reconcilePayouts } from '../use-cases/reconcile-payouts';
import { paymentsWiring, payoutDeps } from '../wiring';

/** EventBridge schedule (payments/functions.yml), daily: payouts with no result in time → 「付款对账」. */
export const handler = scheduledJob(paymentsWiring, (deps) => reconcilePayouts(payoutDeps(deps)), {
  logMessage: 'payouts reconciled',
});
