import { listIdentityReviewsRoute } from '@zhixiang/shared/identity/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listIdentityReviews } from '../use-cases/list-identity-reviews';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  listIdentityReviewsRoute,
  identityWiring,
  ({ auth, deps }) => listIdentityReviews(deps, auth),
  { roles: ['staff', 'admin'] },
);
