import { refreshSessionRoute } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { limitPublicAuthCalls } from '../use-cases/limit-public-auth';
import { refreshSession } from '../use-cases/refresh-session';
import { authWiring } from '../wiring';

export const handler = httpHandler(refreshSessionRoute, authWiring, async ({ deps, body, sourceIp }) => {
  await limitPublicAuthCalls(deps, 'refresh', sourceIp);
  return refreshSession(deps, body);
});
