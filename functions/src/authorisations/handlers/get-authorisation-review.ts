import { getAuthorisationReviewRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getAuthorisationReview } from '../use-cases/review-authorisation';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  getAuthorisationReviewRoute,
  authorisationsWiring,
  ({ auth, pathParameters, deps }) =>
    getAuthorisationReview(deps, auth, parseBody(AuthorisationPathSchema, pathParameters).authorisationId),
  { roles: ['staff'] },
);
