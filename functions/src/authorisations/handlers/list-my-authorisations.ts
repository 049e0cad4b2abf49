import { authorisationRoutes } from '@zhixiang/shared/authorisations/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listMyAuthorisations } from '../use-cases/manage-draft';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  authorisationRoutes.listMyAuthorisations,
  authorisationsWiring,
  ({ auth, deps }) => listMyAuthorisations(deps, auth),
  { roles: ['customer'] },
);
