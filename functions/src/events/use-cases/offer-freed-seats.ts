import { nextOffers } from '@zhixiang/shared/events/rules';
import type { RegistrationState } from '@zhixiang/shared/ports/events';
import type { EventDeps } from './event-access';
import { type EventNoticeDeps, tellEventOfferNow } from './event-notices';

/** A busy session gives up after this many rounds; its pending-offer marker brings the job back. */
const MAX_ROUNDS = 20;

/**
 * Offers a session's held seats to its waiting list, strictly in order: the head of the list gets
 * an offer when its whole party fits in the held seats, expiring after the configured hours or when
 * the session starts, whichever comes first. From the session's start nobody is offered a seat any
 * more: held seats become free ones, for walk-ins at the door. Each
 * offer takes its seats from `held` in the same transaction that turns the registration into an
 * offer, on the condition that enough are still held, so however many of these run at once every
 * freed seat is offered exactly once. When nobody waits any more, the held seats become free.
 * Each customer offered a seat is told at once (best effort: the offer-notice run tells whoever
 * this missed). Answers the number of offers made.
 */
export async function offerFreedSeats(
  deps: Pick<EventDeps, 'repositories' | 'eventSettings' | 'now'> & EventNoticeDeps,
  eventId: string,
  sessionId: string,
): Promise<number> {
  const { events } = deps.repositories;
  const event = await events.get(eventId);
  const startsAt = event?.sessions.find((s) => s.sessionId === sessionId)?.startsAt;
  const startMs = startsAt ? Date.parse(startsAt) : Number.POSITIVE_INFINITY;
  let offered = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const session = await events.session(eventId, sessionId);
    if (!session || session.held === 0) return offered;
    if (deps.now() >= startMs) {
      if (await events.freeHeldSeats(session, { evenIfWaiting: true })) return offered;
      continue;
    }
    // Each party takes a seat at least: the first `held` in line are all who could be offered.
    const waiting = (await events.waitingList(eventId, sessionId, session.held)).filter(
      (r): r is RegistrationState & { waitSeq: number } => r.status === 'waiting' && r.waitSeq !== null,
    );
    if (waiting.length === 0) {
      // Nobody left in line: the seats are anyone's again (unless someone is joining right now).
      if (session.waiting === 0 && (await events.freeHeldSeats(session))) return offered;
      if (session.waiting > 0) return offered;
      continue;
    }
    const [head] = nextOffers(
      waiting.map((r) => ({ key: r.personKey, waitSeq: r.waitSeq, partySize: r.partySize, registration: r })),
      session.held,
    );
    if (!head) return offered;
    const nowMs = deps.now();
    const next: RegistrationState = {
      ...head.registration,
      status: 'offered',
      offerExpiresAt: new Date(
        Math.min(nowMs + deps.eventSettings.offerHours * 3_600_000, startMs),
      ).toISOString(),
      updatedAt: new Date(nowMs).toISOString(),
      version: head.registration.version + 1,
    };
    if (await events.offer(next, head.registration)) {
      offered++;
      await tellEventOfferNow(deps, event, next);
    }
  }
  return offered;
}
