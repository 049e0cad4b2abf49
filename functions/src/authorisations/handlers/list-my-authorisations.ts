import { listMyAuthorisationsRoute } from '@zhixiang/shared/authorisations/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listMyAuthorisations } from '../use-cases/manage-draft';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  listMyAuthorisationsRoute,
  authorisationsWiring,
  ({ auth, deps }) => listMyAuthorisations(deps, auth),
  { roles: ['customer'] },
);
