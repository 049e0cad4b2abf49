import { bindIdentityRoute } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { bindIdentity } from '../use-cases/bind-identity';
import { authWiring } from '../wiring';

export const handler = httpHandler(
  bindIdentityRoute,
  authWiring,
  ({ deps, auth, body }) => bindIdentity(deps, auth, body),
  {
    roles: ['customer'],
  },
);
