import { settleSandboxPaymentRoute } from '@zhixiang/shared/payments/routes';
import { PaymentNumberPathSchema } from '@zhixiang/shared/payments/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { settleSandboxPayment } from '../use-cases/settle-sandbox-payment';
import { paymentDeps, paymentsWiring } from '../wiring';

/** 「微信支付沙箱」: exists only where WeChat Pay is the local sandbox (404 on deployed stages). */
export const handler = httpHandler(
  settleSandboxPaymentRoute,
  paymentsWiring,
  ({ auth, pathParameters, body, deps }) =>
    settleSandboxPayment(
      { ...paymentDeps(deps), settleInSandbox: deps.settleInSandbox },
      auth,
      parseBody(PaymentNumberPathSchema, pathParameters).outTradeNo,
      body,
    ),
  { roles: ['customer'], enabled: (deps) => deps.config.wechatPay.provider === 'sandbox' },
);
