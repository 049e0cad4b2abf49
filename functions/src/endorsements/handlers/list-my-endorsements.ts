import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { endorsementDeps } from '../use-cases/endorsement-deps';
import { listMyEndorsements } from '../use-cases/list-endorsements';

export const handler = httpHandler(
  routes.listMyEndorsements,
  ({ auth, container }) => listMyEndorsements(endorsementDeps(container), auth),
  { roles: ['customer'] },
);
