import { getIdentityStatusRoute } from '@zhixiang/shared/identity/routes';
import { IdentityStatusQuerySchema } from '@zhixiang/shared/identity/verification';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getIdentityStatus } from '../use-cases/get-identity-status';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  getIdentityStatusRoute,
  identityWiring,
  ({ auth, query, deps }) => getIdentityStatus(deps, auth, parseBody(IdentityStatusQuerySchema, query)),
  { roles: ['customer', 'agent'] },
);
