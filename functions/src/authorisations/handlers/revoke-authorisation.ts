import { revokeAuthorisationRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { revokeAuthorisation } from '../use-cases/revoke-authorisation';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  revokeAuthorisationRoute,
  authorisationsWiring,
  ({ auth, pathParameters, deps }) =>
    revokeAuthorisation(deps, auth, parseBody(AuthorisationPathSchema, pathParameters).authorisationId),
  { roles: ['customer'] },
);
