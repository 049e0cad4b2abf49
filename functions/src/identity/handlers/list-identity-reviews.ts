import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listIdentityReviews } from '../use-cases/list-identity-reviews';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  routes.listIdentityReviews,
  identityWiring,
  ({ auth, deps }) => listIdentityReviews(deps, auth),
  { roles: ['staff', 'admin'] },
);
