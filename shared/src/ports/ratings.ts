import type { RatingJourney } from '../ratings/schemas';
import type { MeasurementEvent } from '../standards/measure';
import type { VoiceItemRecord } from './voice';

/** One journey instance's rating (服务评价), as stored. Instants are ISO strings. */
export interface JourneyRatingRecord {
  journey: RatingJourney;
  /** The journey instance: an application id, a policy number (its callback), a handoff id. */
  subjectId: string;
  customerId: string;
  userId: string;
  /** The branch the journey belongs to (the policy's, the handoff's queue). */
  branchPath: string;
  policyNo: string | null;
  score: number;
  comment: string | null;
  at: string;
}

export interface JourneyRatingStore {
  /**
   * Writes the rating, its audit entry, its measurement event and (when it is voice) the voice
   * item with its announcement entry, in one transaction, only if the instance has no rating yet:
   * false when it has (two taps at once: one rating).
   */
  rate(
    rating: JourneyRatingRecord,
    measurement: MeasurementEvent,
    voiceItem: VoiceItemRecord | null,
  ): Promise<boolean>;
  /** The ratings that exist among these instances (one BatchGetItem per 100). */
  listRated(keys: readonly { journey: RatingJourney; subjectId: string }[]): Promise<JourneyRatingRecord[]>;
}
