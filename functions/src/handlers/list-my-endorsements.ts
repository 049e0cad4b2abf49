import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { endorsementDeps } from '../use-cases/endorsements/endorsement-deps';
import { listMyEndorsements } from '../use-cases/endorsements/list-endorsements';

export const handler = httpHandler(
  routes.listMyEndorsements,
  ({ auth, container }) => listMyEndorsements(endorsementDeps(container), auth),
  { roles: ['customer'] },
);
