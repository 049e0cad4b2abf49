import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { createRepaymentPaymentRoute } from '@zhixiang/shared/payments/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createRepaymentPayment } from '../use-cases/create-repayment-payment';
import { paymentDeps, paymentsWiring } from '../wiring';

export const handler = httpHandler(
  createRepaymentPaymentRoute,
  paymentsWiring,
  ({ auth, pathParameters, deps }) =>
    createRepaymentPayment(
      paymentDeps(deps),
      auth,
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
    ),
  { roles: ['customer'] },
);
