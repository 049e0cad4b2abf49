import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { limitPublicAuthCalls } from '../use-cases/limit-public-auth';
import { signInWithWechat } from '../use-cases/sign-in-with-wechat';

export const handler = httpHandler(routes.signInWithWechat, async ({ container, body, sourceIp }) => {
  await limitPublicAuthCalls(container, 'sign-in', sourceIp);
  return signInWithWechat(container, body);
});
