import { decideAuthorisationRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { decideAuthorisation } from '../use-cases/review-authorisation';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  decideAuthorisationRoute,
  authorisationsWiring,
  ({ auth, pathParameters, body, deps }) =>
    decideAuthorisation(deps, auth, parseBody(AuthorisationPathSchema, pathParameters).authorisationId, body),
  { roles: ['staff'] },
);
