import { checkWechatPushRoute } from '@zhixiang/shared/letters/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { lettersWiring } from '../wiring';

/** WeChat's server URL check: a signed GET whose echostr must come back verbatim, as text. */
export const handler = httpHandler(
  checkWechatPushRoute,
  lettersWiring,
  async ({ query, deps }) => (await deps.pushEnvelope.verifyUrl(query)) as never,
  { textResponse: true },
);
