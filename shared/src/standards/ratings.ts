import { LOW_RATING_AT_MOST } from '../complaints/report';
import type { MeasurementEvent } from './measure';
import { JOURNEY_LABELS, type Journey } from './model';

/**
 * Satisfaction ratings in the standards report: a customer's 1–5 rating given when a journey ends
 * reaches the measurement stream as one event carrying its `score`, written in the rating's own
 * transaction (so it is there exactly when the rating is), or sent by the insurer's other systems
 * through the signed route. The report counts them per journey × branch: how many, the average and
 * the share of low ones — from the stored events only.
 *
 * The rating events and the journey each belongs to:
 */
export const RATING_EVENTS: Readonly<Record<string, Journey>> = {
  /** The complainant's rating of a decided complaint (the complaint's `rated` audit event). */
  'complaint.rated': 'complaint',
  /** An attendee's one-tap rating of a club event's session (filed under 咨询, like its registration). */
  'consultation.event_rated': 'consultation',
  /**
   * The app's journey ratings (`shared/src/ratings/rules.ts`: an effective endorsement, a completed
   * callback, a closed handoff), and the same from the insurer's other systems (signed route).
   */
  'endorsement.rated': 'endorsement',
  'new_policy_callback.rated': 'new_policy_callback',
  'consultation.handoff_rated': 'consultation',
  /** A claim's rating: only from the insurer's other systems (signed route). */
  'claim.rated': 'claim',
};

/** A rating at or below this many stars (of 5) is low: the complaints report's own line. */
export const LOW_RATING_MAX = LOW_RATING_AT_MOST;

export interface RatingCell {
  journey: Journey;
  journeyLabel: string;
  branchPath: string;
  count: number;
  /** Sum of the scores (the average is `sum ÷ count`). */
  sum: number;
  low: number;
}

/** A rating event's score, or null when the event is not a rating (or carries no valid score). */
export function ratingOf(event: Pick<MeasurementEvent, 'type' | 'score'>): number | null {
  if (!(event.type in RATING_EVENTS)) return null;
  const score = event.score;
  return typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 5 ? score : null;
}

/**
 * The ratings among `events` (each event id once) summed per journey × branch; `keep` picks the
 * events that count (the window, the caller's subtree).
 */
export function ratingCells(
  events: Iterable<MeasurementEvent>,
  keep: (event: MeasurementEvent) => boolean = () => true,
): RatingCell[] {
  const cells = new Map<string, RatingCell>();
  const seen = new Set<string>();
  for (const e of events) {
    const score = ratingOf(e);
    if (score === null || seen.has(e.eventId) || !keep(e)) continue;
    seen.add(e.eventId);
    const journey = RATING_EVENTS[e.type] as Journey;
    const key = `${journey}|${e.branchPath}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        journey,
        journeyLabel: JOURNEY_LABELS[journey],
        branchPath: e.branchPath,
        count: 0,
        sum: 0,
        low: 0,
      };
      cells.set(key, cell);
    }
    cell.count += 1;
    cell.sum += score;
    if (score <= LOW_RATING_MAX) cell.low += 1;
  }
  return [...cells.values()].sort(
    (a, b) => a.journey.localeCompare(b.journey) || a.branchPath.localeCompare(b.branchPath),
  );
}

/** The average score in hundredths (4.25 → 425), exact without floating sums; null without ratings. */
export function averageHundredths(cell: Pick<RatingCell, 'count' | 'sum'>): number | null {
  return cell.count === 0 ? null : Math.round((cell.sum * 100) / cell.count);
}
