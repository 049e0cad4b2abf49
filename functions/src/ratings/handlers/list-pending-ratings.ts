import { ratingRoutes } from '@zhixiang/shared/ratings/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listPendingRatings } from '../use-cases/list-pending-ratings';
import { ratingsWiring } from '../wiring';

/** The customer only: their own journeys waiting for a rating. */
export const handler = httpHandler(
  ratingRoutes.listPendingRatings,
  ratingsWiring,
  ({ auth, deps }) => listPendingRatings(deps, auth),
  { roles: ['customer'] },
);
