import * as z from 'zod/mini';
import { hasUnsafeCharacters, UNSAFE_CHARACTERS_MESSAGE } from '../format/input';

/**
 * Journey ratings (服务评价): the customer's one-tap 1–5 rating with a few optional words when a
 * journey the system serves ends — an endorsement that became effective, a new-policy callback
 * that was completed, a handoff to a person that was closed. Asked at most once per journey
 * instance, and at most `RATINGS_PER_DAY` per customer a day. (A complaint's and a club event's
 * ratings stay with their own records; the same score and comment rules hold for them.)
 */
export const RATING_JOURNEYS = ['endorsement', 'callback', 'handoff'] as const;
export type RatingJourney = (typeof RATING_JOURNEYS)[number];

export const RATING_JOURNEY_LABELS: Record<RatingJourney, string> = {
  endorsement: '保全变更',
  callback: '新单回访',
  handoff: '人工客服',
};

/** How long after a journey ended the customer is asked, and may still rate it. */
export const RATING_WINDOW_DAYS = 30;
/** At most this many ratings per customer in a day (the rate limit's window). */
export const RATINGS_PER_DAY = 10;
export const RATING_COMMENT_MAX = 200;

export const SCORE_MESSAGE = '请选择 1 至 5 星';

/** A rating's score: a whole number of stars, 1–5 (a string or a fraction is refused). */
/* @__NO_SIDE_EFFECTS__ */
export function ratingScore() {
  return z.int(SCORE_MESSAGE).check(z.minimum(1, SCORE_MESSAGE), z.maximum(5, SCORE_MESSAGE));
}

/** A rating's optional words: trimmed, at most 200 characters, no control or direction characters. */
/* @__NO_SIDE_EFFECTS__ */
export function ratingComment() {
  return z.optional(
    z.string('评价内容应为文字').check(
      z.trim(),
      z.maxLength(RATING_COMMENT_MAX, `评价内容请控制在 ${RATING_COMMENT_MAX} 字以内`),
      z.refine((t) => !hasUnsafeCharacters(t), `评价内容${UNSAFE_CHARACTERS_MESSAGE}`),
    ),
  );
}

/**
 * The journey instance's id: an application (EA…), a policy number (its new-policy callback), or
 * a handoff (the conversation's UUID). Letters, digits and dashes only.
 */
export const RatingSubjectIdSchema = z
  .string('请指明要评价的服务')
  .check(z.regex(/^[A-Za-z0-9-]{6,64}$/, '要评价的服务编号格式不正确'));

export const RateJourneyRequestSchema = z.strictObject({
  journey: z.enum(RATING_JOURNEYS, '要评价的服务类型应为 保全变更、新单回访 或 人工客服 之一'),
  subjectId: RatingSubjectIdSchema,
  score: /* @__PURE__ */ ratingScore(),
  comment: /* @__PURE__ */ ratingComment(),
});
export type RateJourneyRequest = z.infer<typeof RateJourneyRequestSchema>;

export const JourneyRatingViewSchema = z.object({
  journey: z.enum(RATING_JOURNEYS),
  subjectId: z.string(),
  score: z.int(),
  comment: z.nullable(z.string()),
  /** ISO instant. */
  at: z.string(),
});
export type JourneyRatingView = z.infer<typeof JourneyRatingViewSchema>;

/** A journey of the caller's that ended and waits for their rating. */
export const PendingRatingSchema = z.object({
  journey: z.enum(RATING_JOURNEYS),
  subjectId: z.string(),
  /** What the sheet asks about, in Chinese: 「保全变更 · 保单贷款」. */
  title: z.string(),
  /** ISO instant the journey ended. */
  endedAt: z.string(),
});
export type PendingRating = z.infer<typeof PendingRatingSchema>;

export const PendingRatingsResponseSchema = z.object({ pending: z.array(PendingRatingSchema) });
export type PendingRatingsResponse = z.infer<typeof PendingRatingsResponseSchema>;
