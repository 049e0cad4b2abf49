import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { bindIdentity } from '../use-cases/bind-identity';

export const handler = httpHandler(
  routes.bindIdentity,
  ({ container, auth, body }) => bindIdentity(container, auth, body),
  {
    roles: ['customer'],
  },
);
