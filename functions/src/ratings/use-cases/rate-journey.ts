import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { JourneyRatingRecord } from '@zhixiang/shared/ports/ratings';
import { redactPersonalText } from '@zhixiang/shared/privacy/mask';
import {
  journeyRatingMeasurement,
  ratingJoinsVoice,
  ratingKeyOf,
  ratingVoiceWords,
} from '@zhixiang/shared/ratings/rules';
import {
  type JourneyRatingView,
  RATINGS_PER_DAY,
  type RateJourneyRequest,
} from '@zhixiang/shared/ratings/schemas';
import { newVoiceItem } from '../../voice/use-cases/voice-access';
import { type EndedJourney, endedJourneyOf, VOICE_JOURNEYS } from './rated-journeys';
import { type RatingDeps, ratingCustomer } from './rating-deps';

export const RATED_ONCE = '您已评价过本次服务';
export const RATING_LIMIT_REACHED = `今天的评价次数已达上限（${RATINGS_PER_DAY} 次），请明天再试`;

/**
 * The customer rates one ended journey instance, once: 1–5 stars and a few optional words. The
 * instance is read from its own context (theirs, ended, within the window), the day's limit is
 * taken, then one transaction writes the rating only if the instance has none yet, with its audit
 * entry, the standards' rating event and — for a low rating or one with words — the voice item with
 * its announcement entry. Two taps at once: one rating, the other a 409.
 */
export async function rateJourney(
  deps: RatingDeps,
  claims: AccessClaims,
  request: RateJourneyRequest,
): Promise<JourneyRatingView> {
  const customerId = ratingCustomer(claims);
  const ended = await endedJourneyOf(deps, customerId, request.journey, request.subjectId);
  const [already] = await deps.repositories.ratings.listRated([request]);
  if (already) throw new AppError('CONFLICT', RATED_ONCE);
  const nowMs = deps.now();
  const limited = await deps.rateLimiter.consume(
    [{ key: `rating:${customerId}:day`, limit: RATINGS_PER_DAY, windowSeconds: 86_400 }],
    nowMs,
  );
  if (!limited.allowed)
    throw new AppError('RATE_LIMITED', RATING_LIMIT_REACHED, {
      retryAfterSeconds: limited.retryAfterSeconds,
    });
  const rating: JourneyRatingRecord = {
    journey: ended.journey,
    subjectId: ended.subjectId,
    customerId,
    userId: claims.sub,
    branchPath: ended.branchPath,
    policyNo: ended.policyNo,
    score: request.score,
    // The words are kept as voice is: personal numbers and e-mails redacted before they are stored.
    comment: request.comment ? redactPersonalText(request.comment) : null,
    at: new Date(nowMs).toISOString(),
  };
  const measured = journeyRatingMeasurement({ ...rating, at: nowMs });
  const voiceItem = ratingJoinsVoice(rating) ? ratingVoice(deps, ended, rating) : null;
  if (!(await deps.repositories.ratings.rate(rating, measured, voiceItem)))
    throw new AppError('CONFLICT', RATED_ONCE);
  return {
    journey: rating.journey,
    subjectId: rating.subjectId,
    score: rating.score,
    comment: rating.comment,
    at: rating.at,
  };
}

/** The rating as a voice item: its words, on the journey's voice journey, at the journey's branch. */
function ratingVoice(
  deps: Pick<RatingDeps, 'voiceThemes'>,
  ended: EndedJourney,
  rating: JourneyRatingRecord,
) {
  return newVoiceItem(deps.voiceThemes, {
    sourceKey: `rating:${ratingKeyOf(rating.journey, rating.subjectId)}`,
    source: `${rating.journey}_rating`,
    words: ratingVoiceWords(`「${ended.title}」`, rating.score, rating.comment),
    journey: VOICE_JOURNEYS[rating.journey],
    customerId: rating.customerId,
    branchPath: rating.branchPath,
    at: rating.at,
    complaintId: null,
  });
}
