import { AppError } from '@zhixiang/shared/errors';
import { letterRoutes } from '@zhixiang/shared/letters/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { verifyWechatPush } from '../use-cases/receive-wechat-push';
import { lettersWiring } from '../wiring';

/** WeChat's server URL check: a signed GET whose echostr must come back verbatim, as text. */
export const handler = httpHandler(
  letterRoutes.checkWechatPush,
  lettersWiring,
  async ({ query, deps }) => {
    await verifyWechatPush(query, { token: deps.secrets.wechatPushToken, now: deps.now });
    if (!query.echostr) throw new AppError('VALIDATION_FAILED', '缺少 echostr', { field: 'echostr' });
    return query.echostr as never;
  },
  { textResponse: true },
);
