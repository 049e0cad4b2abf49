import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { signInWithWechat } from '../use-cases/auth/sign-in-with-wechat';

export const handler = httpHandler(routes.signInWithWechat, ({ container, body }) =>
  signInWithWechat(container, body),
);
