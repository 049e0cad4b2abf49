import { listPayoutReconciliationRoute } from '@zhixiang/shared/payments/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listPayoutReconciliation } from '../use-cases/list-payout-reconciliation';
import { paymentsWiring, payoutDeps } from '../wiring';

/** 「付款对账」: staff with the finance duty (checked in the use case), and admins. */
export const handler = httpHandler(
  listPayoutReconciliationRoute,
  paymentsWiring,
  ({ auth, deps }) => listPayoutReconciliation(payoutDeps(deps), auth),
  { roles: ['staff', 'admin'] },
);
