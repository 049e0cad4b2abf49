import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { limitPublicAuthCalls } from '../use-cases/limit-public-auth';
import { refreshSession } from '../use-cases/refresh-session';

export const handler = httpHandler(routes.refreshSession, async ({ container, body, sourceIp }) => {
  await limitPublicAuthCalls(container, 'refresh', sourceIp);
  return refreshSession(container, body);
});
