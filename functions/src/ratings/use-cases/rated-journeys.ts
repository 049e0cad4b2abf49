import { ENDORSEMENT_TYPE_LABELS } from '@zhixiang/shared/endorsement/application';
import { AppError } from '@zhixiang/shared/errors';
import {
  RATING_JOURNEY_LABELS,
  RATING_WINDOW_DAYS,
  type RatingJourney,
} from '@zhixiang/shared/ratings/schemas';
import type { Journey } from '@zhixiang/shared/voice/themes';
import type { RatingDeps } from './rating-deps';

/** A journey instance of the customer's that ended: what its rating is about and where it belongs. */
export interface EndedJourney {
  journey: RatingJourney;
  subjectId: string;
  /** 「保全变更 · 保单贷款」. */
  title: string;
  endedAt: number;
  branchPath: string;
  policyNo: string | null;
}

export const RATING_SUBJECT_NOT_FOUND = '未找到要评价的服务';
export const NOT_ENDED: Record<RatingJourney, string> = {
  endorsement: '保全变更生效后才能评价',
  callback: '新单回访完成后才能评价',
  handoff: '人工客服服务结束后才能评价',
};
export const RATING_WINDOW_PASSED = `服务结束已超过 ${RATING_WINDOW_DAYS} 天，不再接受评价`;

/** The voice stream's journey of each rated journey. */
export const VOICE_JOURNEYS: Record<RatingJourney, Journey> = {
  endorsement: 'endorsement',
  callback: 'callback',
  handoff: 'service',
};

const DAY_MS = 86_400_000;
const title = (journey: RatingJourney, what: string) => `${RATING_JOURNEY_LABELS[journey]} · ${what}`;

/**
 * The one instance the customer rates, read from its own context's store: theirs (anyone else's
 * is a 404 like one that does not exist), ended (else 409 with what must happen first) and ended
 * within the rating window.
 */
export async function endedJourneyOf(
  deps: RatingDeps,
  customerId: string,
  journey: RatingJourney,
  subjectId: string,
): Promise<EndedJourney> {
  const found = await readJourney(deps, customerId, journey, subjectId);
  if (!found)
    throw new AppError('NOT_FOUND', RATING_SUBJECT_NOT_FOUND, {
      logMessage: `${journey} ${subjectId} missing or not of customer ${customerId}`,
    });
  if (found.ended === null) throw new AppError('CONFLICT', NOT_ENDED[journey]);
  if (found.ended.endedAt < deps.now() - RATING_WINDOW_DAYS * DAY_MS)
    throw new AppError('CONFLICT', RATING_WINDOW_PASSED);
  return found.ended;
}

async function readJourney(
  deps: RatingDeps,
  customerId: string,
  journey: RatingJourney,
  subjectId: string,
): Promise<{ ended: EndedJourney | null } | null> {
  switch (journey) {
    case 'endorsement': {
      const application = await deps.repositories.endorsements.get(subjectId);
      if (application?.holder.customerId !== customerId) return null;
      return { ended: endedEndorsement(application) };
    }
    case 'callback': {
      const booking = await deps.repositories.callbackBookings.getBooking(subjectId);
      if (booking?.customerId !== customerId) return null;
      return { ended: endedCallback(booking) };
    }
    case 'handoff': {
      const handoff = await deps.repositories.handoffs.get(subjectId);
      if (handoff?.customerId !== customerId) return null;
      return { ended: endedHandoff(handoff) };
    }
  }
}

type Application = NonNullable<Awaited<ReturnType<RatingDeps['repositories']['endorsements']['get']>>>;
type Booking = NonNullable<Awaited<ReturnType<RatingDeps['repositories']['callbackBookings']['getBooking']>>>;
type Handoff = NonNullable<Awaited<ReturnType<RatingDeps['repositories']['handoffs']['get']>>>;

/** An endorsement ends when it takes effect. */
function endedEndorsement(application: Application): EndedJourney | null {
  if (application.status !== 'effective') return null;
  return {
    journey: 'endorsement',
    subjectId: application.applicationId,
    title: title('endorsement', ENDORSEMENT_TYPE_LABELS[application.type]),
    endedAt: application.updatedAt,
    branchPath: application.branchPath,
    policyNo: application.policyNo,
  };
}

/** A new-policy callback ends when it is completed (on the phone or online). */
function endedCallback(booking: Booking): EndedJourney | null {
  if (booking.status !== 'completed') return null;
  return {
    journey: 'callback',
    subjectId: booking.policyNo,
    title: title('callback', `保单 ${booking.policyNo}`),
    endedAt: booking.outcome?.recordedAt ?? booking.updatedAt,
    branchPath: booking.branchPath,
    policyNo: booking.policyNo,
  };
}

/** A handoff ends when the person who took it closes it (one withdrawn before anyone took it is not rated). */
function endedHandoff(handoff: Handoff): EndedJourney | null {
  if (handoff.status !== 'closed' || handoff.claimedBy === null || handoff.closedAt === null) return null;
  return {
    journey: 'handoff',
    subjectId: handoff.handoffId,
    title: title('handoff', handoff.claimedByName ? `${handoff.claimedByName}为您服务` : '人工服务'),
    endedAt: handoff.closedAt,
    branchPath: handoff.branchPath,
    policyNo: null,
  };
}

/**
 * The customer's journeys that ended within the rating window, from each context's own query
 * partitioned by the customer: their applications, the callbacks of their policies (one
 * BatchGetItem), their latest handoff.
 */
export async function endedJourneysOf(deps: RatingDeps, customerId: string): Promise<EndedJourney[]> {
  const since = deps.now() - RATING_WINDOW_DAYS * DAY_MS;
  const [applications, policies, handoff] = await Promise.all([
    deps.repositories.endorsements.listByHolder(customerId),
    deps.repositories.policies.listByCustomer(customerId),
    deps.repositories.handoffs.latestOfCustomer(customerId, since),
  ]);
  const held = policies.filter((p) => p.holderId === customerId).map((p) => p.policyNo);
  const bookings = held.length > 0 ? await deps.repositories.callbackBookings.getBookings(held) : [];
  return [
    ...applications.map(endedEndorsement),
    ...bookings.filter((b) => b.customerId === customerId).map(endedCallback),
    handoff ? endedHandoff(handoff) : null,
  ]
    .filter((j): j is EndedJourney => j !== null && j.endedAt >= since)
    .sort((a, b) => b.endedAt - a.endedAt);
}
