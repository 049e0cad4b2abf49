import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { bindIdentity } from '../use-cases/auth/bind-identity';

export const handler = httpHandler(
  routes.bindIdentity,
  ({ container, auth, body }) => bindIdentity(container, auth, body),
  {
    roles: ['customer'],
  },
);
