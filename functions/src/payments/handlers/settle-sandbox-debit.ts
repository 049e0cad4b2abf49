import { settleSandboxDebitRoute } from '@zhixiang/shared/payments/routes';
import { DebitReferencePathSchema } from '@zhixiang/shared/payments/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { settleSandboxDebit } from '../use-cases/settle-sandbox-debit';
import { paymentsWiring, payoutDeps } from '../wiring';

/** 「续期扣款沙箱」: exists only where the billing system is the local sandbox (404 on deployed stages). */
export const handler = httpHandler(
  settleSandboxDebitRoute,
  paymentsWiring,
  ({ auth, pathParameters, body, deps }) =>
    settleSandboxDebit(
      { ...payoutDeps(deps), billingSandbox: deps.billingSandbox },
      auth,
      parseBody(DebitReferencePathSchema, pathParameters).reference,
      body,
    ),
  { roles: ['customer'], enabled: (deps) => deps.config.billing.provider === 'sandbox' },
);
