import { signInWithWechatRoute } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { limitPublicAuthCalls } from '../use-cases/limit-public-auth';
import { signInWithWechat } from '../use-cases/sign-in-with-wechat';
import { authWiring } from '../wiring';

export const handler = httpHandler(signInWithWechatRoute, authWiring, async ({ deps, body, sourceIp }) => {
  await limitPublicAuthCalls(deps, 'sign-in', sourceIp);
  return signInWithWechat(deps, body);
});
