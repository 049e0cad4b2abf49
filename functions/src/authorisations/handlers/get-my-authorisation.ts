import { getMyAuthorisationRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getMyAuthorisation } from '../use-cases/manage-draft';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  getMyAuthorisationRoute,
  authorisationsWiring,
  ({ auth, pathParameters, deps }) =>
    getMyAuthorisation(deps, auth, parseBody(AuthorisationPathSchema, pathParameters).authorisationId),
  { roles: ['customer'] },
);
