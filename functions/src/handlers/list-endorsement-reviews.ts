import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { endorsementDeps } from '../use-cases/endorsements/endorsement-deps';
import { listEndorsementReviews } from '../use-cases/endorsements/list-endorsements';

export const handler = httpHandler(
  routes.listEndorsementReviews,
  ({ auth, container }) => listEndorsementReviews(endorsementDeps(container), auth),
  { roles: ['staff', 'admin'] },
);
