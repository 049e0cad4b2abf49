import { type RouteSpec, responds } from '../api/route-spec';
import {
  type JourneyRatingViewSchema,
  type PendingRatingsResponseSchema,
  RateJourneyRequestSchema,
} from './schemas';

/** The caller's journeys that ended within the rating window and are not rated yet. */
export const listPendingRatingsRoute = {
  method: 'GET',
  path: '/me/ratings/pending',
  auth: 'user',
  response: responds<typeof PendingRatingsResponseSchema>(),
} as const satisfies RouteSpec;

/** One rating of one ended journey instance, once. */
export const rateJourneyRoute = {
  method: 'POST',
  path: '/me/ratings',
  auth: 'user',
  request: RateJourneyRequestSchema,
  response: responds<typeof JourneyRatingViewSchema>(),
} as const satisfies RouteSpec;

/** Journey ratings (服务评价): the customer's own voice, so customers only. */
export const ratingRoutes = {
  listPendingRatings: listPendingRatingsRoute,
  rateJourney: rateJourneyRoute,
} as const satisfies Record<string, RouteSpec>;
