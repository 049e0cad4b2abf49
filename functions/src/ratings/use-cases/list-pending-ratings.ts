import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { ratingKeyOf } from '@zhixiang/shared/ratings/rules';
import type { PendingRatingsResponse } from '@zhixiang/shared/ratings/schemas';
import { endedJourneysOf } from './rated-journeys';
import { type RatingDeps, ratingCustomer } from './rating-deps';

/**
 * The caller's journeys waiting for their rating: ended within the window and not rated yet (one
 * BatchGetItem of their ratings' keys), newest first. The app asks from this answer, so a journey
 * is asked about until it is rated, on any phone.
 */
export async function listPendingRatings(
  deps: RatingDeps,
  claims: AccessClaims,
): Promise<PendingRatingsResponse> {
  const customerId = ratingCustomer(claims);
  const ended = await endedJourneysOf(deps, customerId);
  const rated = new Set(
    (await deps.repositories.ratings.listRated(ended)).map((r) => ratingKeyOf(r.journey, r.subjectId)),
  );
  return {
    pending: ended
      .filter((j) => !rated.has(ratingKeyOf(j.journey, j.subjectId)))
      .map((j) => ({
        journey: j.journey,
        subjectId: j.subjectId,
        title: j.title,
        endedAt: new Date(j.endedAt).toISOString(),
      })),
  };
}
