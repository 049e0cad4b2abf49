import { listAuthorisationReviewsRoute } from '@zhixiang/shared/authorisations/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listAuthorisationReviews } from '../use-cases/review-authorisation';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  listAuthorisationReviewsRoute,
  authorisationsWiring,
  ({ auth, deps }) => listAuthorisationReviews(deps, auth),
  { roles: ['staff'] },
);
