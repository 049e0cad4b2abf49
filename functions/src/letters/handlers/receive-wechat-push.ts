import { receiveWechatPushRoute } from '@zhixiang/shared/letters/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { receiveSecureWechatPush } from '../use-cases/receive-wechat-push';
import { lettersWiring } from '../wiring';

/** Subscribe-message events pushed by WeChat (JSON, security mode), signed with the push Token. */
export const handler = httpHandler(
  receiveWechatPushRoute,
  lettersWiring,
  async ({ query, rawBody, deps }) =>
    (await receiveSecureWechatPush(
      {
        envelope: deps.pushEnvelope,
        credits: deps.subscribeCredits,
        notices: deps.notices,
        letters: deps.letters,
        logger: deps.logger,
        now: deps.now,
      },
      query,
      rawBody,
    )) as never,
  { textResponse: true },
);
