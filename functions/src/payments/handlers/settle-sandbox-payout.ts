import { settleSandboxPayoutRoute } from '@zhixiang/shared/payments/routes';
import { PayoutReferencePathSchema } from '@zhixiang/shared/payments/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { settleSandboxPayout } from '../use-cases/settle-sandbox-payout';
import { paymentsWiring, payoutDeps } from '../wiring';

/** 「财务付款沙箱」: exists only where the finance system is the local sandbox (404 on deployed stages). */
export const handler = httpHandler(
  settleSandboxPayoutRoute,
  paymentsWiring,
  ({ auth, pathParameters, body, deps }) =>
    settleSandboxPayout(
      { ...payoutDeps(deps), financeSandbox: deps.financeSandbox },
      auth,
      parseBody(PayoutReferencePathSchema, pathParameters).reference,
      body,
    ),
  { roles: ['customer'], enabled: (deps) => deps.config.finance.provider === 'sandbox' },
);
