import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listIdentityReviews } from '../use-cases/list-identity-reviews';

export const handler = httpHandler(
  routes.listIdentityReviews,
  ({ auth, container }) => listIdentityReviews(container, auth),
  { roles: ['staff', 'admin'] },
);
