import { letterRoutes } from '@zhixiang/shared/letters/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { receiveWechatPush, verifyWechatPush } from '../use-cases/receive-wechat-push';
import { lettersWiring } from '../wiring';

/** Subscribe-message events pushed by WeChat (JSON), signed with the message-push Token. */
export const handler = httpHandler(
  letterRoutes.receiveWechatPush,
  lettersWiring,
  async ({ query, rawBody, deps }) => {
    await verifyWechatPush(query, { token: deps.secrets.wechatPushToken, now: deps.now });
    return (await receiveWechatPush(
      {
        credits: deps.subscribeCredits,
        notices: deps.notices,
        letters: deps.letters,
        logger: deps.logger,
        now: deps.now,
      },
      rawBody,
    )) as never;
  },
  { textResponse: true },
);
