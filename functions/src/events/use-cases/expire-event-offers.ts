import type { EventDeps } from './event-access';
import type { EventNoticeDeps } from './event-notices';
import { offerFreedSeats } from './offer-freed-seats';

export interface OfferExpiryReport {
  expired: number;
  offered: number;
  /** Sessions whose freed seats were looked at (the pending-offer markers). */
  sessions: number;
  failed: number;
}

/**
 * The scheduled run (every 5 minutes): offers past their time expire and their seats go to the
 * next in line; then every session with seats freed for its waiting list and not yet offered (a
 * request that released them and stopped before offering) is offered, and its marker cleared
 * when nothing is left to offer. Each expiry is conditional on the offer still being open, so
 * overlapping runs expire it once.
 */
export async function expireEventOffers(
  deps: Pick<EventDeps, 'repositories' | 'eventSettings' | 'now'> & EventNoticeDeps,
): Promise<OfferExpiryReport> {
  const { events } = deps.repositories;
  const report: OfferExpiryReport = { expired: 0, offered: 0, sessions: 0, failed: 0 };
  const nowMs = deps.now();
  const nowIso = new Date(nowMs).toISOString();
  for (const offer of await events.expiredOffers(nowIso)) {
    try {
      const next = {
        ...offer,
        status: 'expired' as const,
        offerExpiresAt: null,
        updatedAt: nowIso,
        version: offer.version + 1,
      };
      if (await events.release(next, offer)) report.expired++;
    } catch (error) {
      report.failed++;
      deps.logger.error('event offer expiry failed', { eventId: offer.eventId, error });
    }
  }
  for (const pending of await events.pendingOffers()) {
    report.sessions++;
    try {
      report.offered += await offerFreedSeats(deps, pending.eventId, pending.sessionId);
      const session = await events.session(pending.eventId, pending.sessionId);
      const stillHeld = session && session.held > 0 && session.waiting > 0;
      // Seats held for a party that does not fit yet stay marked; the rest is done.
      if (!stillHeld) await events.clearPendingOffer(pending);
    } catch (error) {
      report.failed++;
      deps.logger.error('event offer run failed', { ...pending, error });
    }
  }
  return report;
}
