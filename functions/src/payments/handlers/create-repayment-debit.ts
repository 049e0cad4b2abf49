import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { createRepaymentDebitRoute } from '@zhixiang/shared/payments/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createRepaymentDebit } from '../use-cases/create-repayment-debit';
import { paymentsWiring } from '../wiring';

export const handler = httpHandler(
  createRepaymentDebitRoute,
  paymentsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps }) =>
    createRepaymentDebit(
      { collections: deps.repaymentCollections, sandbox: deps.config.billing.provider === 'sandbox' },
      {
        claims: auth,
        applicationId: parseBody(EndorsementPathSchema, pathParameters).applicationId,
        sourceIp,
        userAgent,
      },
    ),
  { roles: ['customer'] },
);
