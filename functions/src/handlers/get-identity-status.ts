import { routes } from '@zhixiang/shared/api/routes';
import { IdentityStatusQuerySchema } from '@zhixiang/shared/identity/verification';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { getIdentityStatus } from '../use-cases/identity/get-identity-status';

export const handler = httpHandler(
  routes.getIdentityStatus,
  ({ auth, query, container }) =>
    getIdentityStatus(container, auth, parseBody(IdentityStatusQuerySchema, query)),
  { roles: ['customer', 'agent'] },
);
