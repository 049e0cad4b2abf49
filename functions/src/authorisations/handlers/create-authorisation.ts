import { createAuthorisationRoute } from '@zhixiang/shared/authorisations/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { createAuthorisation } from '../use-cases/manage-draft';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  createAuthorisationRoute,
  authorisationsWiring,
  ({ auth, body, deps }) => createAuthorisation(deps, auth, body),
  { roles: ['customer'], successStatus: 201 },
);
