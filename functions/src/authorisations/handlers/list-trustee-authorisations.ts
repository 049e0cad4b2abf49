import { listTrusteeAuthorisationsRoute } from '@zhixiang/shared/authorisations/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listTrusteeAuthorisations } from '../use-cases/bind-trustee';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  listTrusteeAuthorisationsRoute,
  authorisationsWiring,
  ({ auth, deps }) => listTrusteeAuthorisations(deps, auth),
  { roles: ['customer'] },
);
