import { listMyEndorsementsRoute } from '@zhixiang/shared/endorsement/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listMyEndorsements } from '../use-cases/list-endorsements';
import { endorsementDeps, endorsementsWiring } from '../wiring';

export const handler = httpHandler(
  listMyEndorsementsRoute,
  endorsementsWiring,
  ({ auth, deps }) => listMyEndorsements(endorsementDeps(deps), auth),
  { roles: ['customer'] },
);
