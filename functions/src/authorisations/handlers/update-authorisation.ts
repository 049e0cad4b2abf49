import { updateAuthorisationRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { updateAuthorisation } from '../use-cases/manage-draft';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  updateAuthorisationRoute,
  authorisationsWiring,
  ({ auth, pathParameters, body, deps }) =>
    updateAuthorisation(deps, auth, parseBody(AuthorisationPathSchema, pathParameters).authorisationId, body),
  { roles: ['customer'] },
);
