import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { limitPublicAuthCalls } from '../use-cases/auth/limit-public-auth';
import { refreshSession } from '../use-cases/auth/refresh-session';

export const handler = httpHandler(routes.refreshSession, async ({ container, body, sourceIp }) => {
  await limitPublicAuthCalls(container, 'refresh', sourceIp);
  return refreshSession(container, body);
});
