import { handoffCaseId } from '../assistant/measurement';
import { callbackCaseId } from '../callback/measurement';
import { endorsementCaseId } from '../endorsement/measurement';
import type { MeasurementEvent } from '../standards/measure';
import { LOW_RATING_MAX } from '../standards/ratings';
import type { RatingJourney } from './schemas';

/** The standards' rating event of each journey (`shared/src/standards/ratings.ts`, RATING_EVENTS). */
export const RATING_MEASUREMENT_TYPES: Record<RatingJourney, string> = {
  endorsement: 'endorsement.rated',
  callback: 'new_policy_callback.rated',
  handoff: 'consultation.handoff_rated',
};

const CASE_IDS: Record<RatingJourney, (subjectId: string) => string> = {
  endorsement: endorsementCaseId,
  callback: callbackCaseId,
  handoff: handoffCaseId,
};

/** One rating's key: the journey and its instance (an application, a policy's callback, a handoff). */
export const ratingKeyOf = (journey: RatingJourney, subjectId: string) => `${journey}:${subjectId}`;

/**
 * The rating as the standards measure it: the journey's rating event with its score, in the
 * instance's case (so a breached case's timeline shows it), at the branch the journey belongs to.
 * Its event id is the rating's own key, so there is one per journey instance.
 */
export function journeyRatingMeasurement(rating: {
  journey: RatingJourney;
  subjectId: string;
  branchPath: string;
  policyNo: string | null;
  userId: string;
  score: number;
  at: number;
}): MeasurementEvent {
  return {
    eventId: `rating:${ratingKeyOf(rating.journey, rating.subjectId)}`,
    type: RATING_MEASUREMENT_TYPES[rating.journey],
    at: rating.at,
    caseId: CASE_IDS[rating.journey](rating.subjectId),
    branchPath: rating.branchPath,
    policyNo: rating.policyNo,
    actor: rating.userId,
    source: 'system',
    score: rating.score,
  };
}

/**
 * Which journey ratings join the customer-voice stream (客户之声) — the same rule for the five
 * journeys rated in the app (endorsement, callback, handoff, complaint closed, club event): a low
 * one (at most `lowAtMost` stars, the standards' and complaints' low line unless a context sets its
 * own) and any with words, whatever its stars. A good rating without words says nothing to listen to.
 */
export function ratingJoinsVoice(
  rating: { score: number; comment: string | null | undefined },
  lowAtMost: number = LOW_RATING_MAX,
): boolean {
  return rating.score <= lowAtMost || Boolean(rating.comment?.trim());
}

/** A rating's words in the voice stream: 「保全变更「保单贷款」评分 2 星：<comment>」. */
export function ratingVoiceWords(subject: string, score: number, comment: string | null | undefined): string {
  return `${subject}评分 ${score} 星${comment ? `：${comment}` : ''}`;
}
