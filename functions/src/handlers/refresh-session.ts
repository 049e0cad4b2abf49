import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { refreshSession } from '../use-cases/auth/refresh-session';

export const handler = httpHandler(routes.refreshSession, ({ container, body }) =>
  refreshSession(container, body),
);
