import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listMyEndorsements } from '../use-cases/list-endorsements';
import { endorsementDeps, endorsementsWiring } from '../wiring';

export const handler = httpHandler(
  routes.listMyEndorsements,
  endorsementsWiring,
  ({ auth, deps }) => listMyEndorsements(endorsementDeps(deps), auth),
  { roles: ['customer'] },
);
