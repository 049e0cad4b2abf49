import { listEndorsementReviewsRoute } from '@zhixiang/shared/endorsement/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listEndorsementReviews } from '../use-cases/list-endorsements';
import { endorsementDeps, endorsementsWiring } from '../wiring';

export const handler = httpHandler(
  listEndorsementReviewsRoute,
  endorsementsWiring,
  ({ auth, deps }) => listEndorsementReviews(endorsementDeps(deps), auth),
  { roles: ['staff', 'admin'] },
);
