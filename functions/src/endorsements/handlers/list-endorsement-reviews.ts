import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { endorsementDeps } from '../use-cases/endorsement-deps';
import { listEndorsementReviews } from '../use-cases/list-endorsements';

export const handler = httpHandler(
  routes.listEndorsementReviews,
  ({ auth, container }) => listEndorsementReviews(endorsementDeps(container), auth),
  { roles: ['staff', 'admin'] },
);
