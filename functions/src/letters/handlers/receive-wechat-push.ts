import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { receiveWechatPush, verifyWechatPush } from '../use-cases/receive-wechat-push';

/** Subscribe-message events pushed by WeChat (JSON), signed with the message-push Token. */
export const handler = httpHandler(
  routes.receiveWechatPush,
  async ({ query, rawBody, container }) => {
    await verifyWechatPush(query, { token: container.secrets.wechatPushToken, now: container.now });
    return (await receiveWechatPush(
      {
        credits: container.subscribeCredits,
        notices: container.notices,
        logger: container.logger,
        now: container.now,
      },
      rawBody,
    )) as never;
  },
  { textResponse: true },
);
