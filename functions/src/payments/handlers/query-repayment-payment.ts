import { queryRepaymentPaymentRoute } from '@zhixiang/shared/payments/routes';
import { PaymentNumberPathSchema } from '@zhixiang/shared/payments/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { queryRepaymentPayment } from '../use-cases/query-repayment-payment';
import { paymentDeps, paymentsWiring } from '../wiring';

export const handler = httpHandler(
  queryRepaymentPaymentRoute,
  paymentsWiring,
  ({ auth, pathParameters, deps }) =>
    queryRepaymentPayment(
      paymentDeps(deps),
      auth,
      parseBody(PaymentNumberPathSchema, pathParameters).outTradeNo,
    ),
  { roles: ['customer'] },
);
