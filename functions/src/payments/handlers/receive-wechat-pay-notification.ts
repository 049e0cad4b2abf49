import { receiveWechatPayNotificationRoute } from '@zhixiang/shared/payments/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { receiveWechatPayNotification } from '../use-cases/receive-wechat-pay-notification';
import { paymentDeps, paymentsWiring } from '../wiring';

/** WeChat Pay, not a user: proven by its platform key's signature over the exact body sent. */
export const handler = httpHandler(
  receiveWechatPayNotificationRoute,
  paymentsWiring,
  ({ headers, rawBody, deps }) => receiveWechatPayNotification(paymentDeps(deps), headers, rawBody),
);
