import { listPendingRatingsRoute } from '@zhixiang/shared/ratings/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listPendingRatings } from '../use-cases/list-pending-ratings';
import { ratingsWiring } from '../wiring';

/** The customer only: their own journeys waiting for a rating. */
export const handler = httpHandler(
  listPendingRatingsRoute,
  ratingsWiring,
  ({ auth, deps }) => listPendingRatings(deps, auth),
  { roles: ['customer'] },
);
