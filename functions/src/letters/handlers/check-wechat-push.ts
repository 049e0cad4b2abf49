import { routes } from '@zhixiang/shared/api/routes';
import { AppError } from '@zhixiang/shared/errors';
import { httpHandler } from '../../platform/http/http-handler';
import { verifyWechatPush } from '../use-cases/receive-wechat-push';

/** WeChat's server URL check: a signed GET whose echostr must come back verbatim, as text. */
export const handler = httpHandler(
  routes.checkWechatPush,
  async ({ query, container }) => {
    await verifyWechatPush(query, { token: container.secrets.wechatPushToken, now: container.now });
    if (!query.echostr) throw new AppError('VALIDATION_FAILED', '缺少 echostr', { field: 'echostr' });
    return query.echostr as never;
  },
  { textResponse: true },
);
