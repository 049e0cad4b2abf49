import { type RouteSpec, responds } from '../api/route-spec';
import {
  type JourneyRatingViewSchema,
  type PendingRatingsResponseSchema,
  RateJourneyRequestSchema,
} from './schemas';

/** Journey ratings (服务评价): the customer's own voice, so customers only. */
export const ratingRoutes = {
  /** The caller's journeys that ended within the rating window and are not rated yet. */
  listPendingRatings: {
    method: 'GET',
    path: '/me/ratings/pending',
    auth: 'user',
    response: responds<typeof PendingRatingsResponseSchema>(),
  },
  /** One rating of one ended journey instance, once. */
  rateJourney: {
    method: 'POST',
    path: '/me/ratings',
    auth: 'user',
    request: RateJourneyRequestSchema,
    response: responds<typeof JourneyRatingViewSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
