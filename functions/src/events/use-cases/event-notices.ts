import type { Logger } from '@aws-lambda-powertools/logger';
import { eventOfferNotification, eventReminderNotification } from '@zhixiang/shared/notifications/content';
import type { EventRecord, EventStore, RegistrationState } from '@zhixiang/shared/ports/events';
import type { Notifier } from '@zhixiang/shared/ports/notifications';

/** What telling registrants needs: the events, the notifier (the notifications context's port), a log and the clock. */
export interface EventNoticeDeps {
  repositories: {
    events: Pick<
      EventStore,
      'get' | 'unnotifiedOffers' | 'markOfferNotified' | 'listPublished' | 'registrationsOfEvent'
    >;
  };
  notifier: Notifier;
  logger: Pick<Logger, 'debug' | 'warn' | 'error'>;
  now: () => number;
}

/** The reminder goes out for sessions starting within this window. */
export const REMINDER_WINDOW_MS = 24 * 3_600_000;

/**
 * Only customers have a message centre (and a WeChat subscription or a mobile the notifier knows):
 * an agent's or staff member's registration (the 太有爱 drives admit them) is skipped.
 */
function customerOf(registration: RegistrationState): string | null {
  return registration.role === 'customer' && registration.customerId ? registration.customerId : null;
}

/**
 * Tells the customer of their open offer, once (the notifier's source key is the registration and
 * the offer's expiry), then marks the offer told, on the condition that it is still the same open
 * offer. Answers `notified` when this call sent it, `duplicate` when it had been sent already,
 * `skipped` for an agent or staff member; throws when the providers failed (the offer stays
 * unmarked: the job tries again).
 */
export async function notifyEventOffer(
  deps: EventNoticeDeps,
  event: EventRecord,
  offer: RegistrationState,
): Promise<'notified' | 'duplicate' | 'skipped'> {
  const customerId = customerOf(offer);
  if (!customerId) {
    deps.logger.debug('event offer not told: the registrant is not a customer', {
      eventId: offer.eventId,
      role: offer.role,
    });
    return 'skipped';
  }
  const told = await deps.notifier.notify(eventOfferNotification(event, { ...offer, customerId }));
  if (told.status === 'failed')
    throw new Error(`customer not told of the offer: ${told.attempts.at(-1)?.detail ?? 'send failed'}`);
  await deps.repositories.events.markOfferNotified(offer, new Date(deps.now()).toISOString());
  return told.duplicate ? 'duplicate' : 'notified';
}

/**
 * Right after an offer is made, in the same request or run: tells the customer at once, best
 * effort — a failure is logged and left to the offer-notice run, which finds the offer unmarked.
 */
export async function tellEventOfferNow(
  deps: EventNoticeDeps,
  event: EventRecord | null,
  offer: RegistrationState,
): Promise<void> {
  if (!event) return;
  try {
    await notifyEventOffer(deps, event, offer);
  } catch (error) {
    deps.logger.warn('event offer not told at once: the offer-notice run will tell it', {
      eventId: offer.eventId,
      error,
    });
  }
}

export interface OfferNoticeReport {
  /** Open offers not yet marked told, read this run. */
  pending: number;
  /** Customers told by this run. */
  notified: number;
  /** Offers already told (a send that stopped before marking): marked now, nothing sent. */
  duplicates: number;
  /** Offers to agents or staff. */
  skipped: number;
  failed: number;
}

/**
 * The offer-notice run (with the offer expiry, every 5 minutes): every open offer whose customer
 * was not told yet — the send right after the offer failed, or its function stopped between the
 * offer's transaction and the send — is told now. The open offers themselves are the outbox; the
 * notifier's source key makes a send that races the immediate one, or a second run, send nothing.
 */
export async function deliverEventOfferNotices(deps: EventNoticeDeps): Promise<OfferNoticeReport> {
  const report: OfferNoticeReport = { pending: 0, notified: 0, duplicates: 0, skipped: 0, failed: 0 };
  const offers = await deps.repositories.events.unnotifiedOffers(new Date(deps.now()).toISOString());
  report.pending = offers.length;
  const events = new Map<string, Promise<EventRecord | null>>();
  for (const offer of offers) {
    try {
      if (!events.has(offer.eventId)) events.set(offer.eventId, deps.repositories.events.get(offer.eventId));
      const event = await events.get(offer.eventId);
      if (!event) throw new Error(`event ${offer.eventId} not found`);
      const outcome = await notifyEventOffer(deps, event, offer);
      if (outcome === 'notified') report.notified++;
      else if (outcome === 'duplicate') report.duplicates++;
      else report.skipped++;
    } catch (error) {
      report.failed++;
      deps.logger.error('event offer notice failed', { eventId: offer.eventId, error });
    }
  }
  return report;
}

export interface ReminderReport {
  /** Sessions starting within the next 24 hours. */
  sessions: number;
  /** Customers reminded by this run. */
  reminded: number;
  /** Reminders sent by an earlier run: nothing sent again. */
  duplicates: number;
  /** Registrations of agents or staff. */
  skipped: number;
  failed: number;
}

/**
 * The hourly reminder: every customer registered for a session of a published event that starts
 * within the next 24 hours (and has not started) is reminded — when, where, what to bring — once
 * per registration and session (the notifier's source key), so the hourly runs of those 24 hours
 * send it once, and a registration moved to another session is reminded of the new one. A
 * provider failure is counted and tried again by the next run while the session has not started.
 */
export async function remindEventSessions(deps: EventNoticeDeps): Promise<ReminderReport> {
  const report: ReminderReport = { sessions: 0, reminded: 0, duplicates: 0, skipped: 0, failed: 0 };
  const nowMs = deps.now();
  const { events } = deps.repositories;
  for (const event of await events.listPublished()) {
    const soon = new Set(
      event.sessions
        .filter((s) => {
          const startMs = Date.parse(s.startsAt);
          return startMs > nowMs && startMs <= nowMs + REMINDER_WINDOW_MS;
        })
        .map((s) => s.sessionId),
    );
    if (soon.size === 0) continue;
    report.sessions += soon.size;
    const registered = (await events.registrationsOfEvent(event.eventId)).filter(
      (r) => r.status === 'registered' && soon.has(r.sessionId),
    );
    for (const registration of registered) {
      const customerId = customerOf(registration);
      if (!customerId) {
        report.skipped++;
        deps.logger.debug('event reminder not sent: the registrant is not a customer', {
          eventId: event.eventId,
          role: registration.role,
        });
        continue;
      }
      try {
        const told = await deps.notifier.notify(
          eventReminderNotification(event, { ...registration, customerId }),
        );
        if (told.status === 'failed')
          throw new Error(`reminder not sent: ${told.attempts.at(-1)?.detail ?? 'send failed'}`);
        if (told.duplicate) report.duplicates++;
        else report.reminded++;
      } catch (error) {
        report.failed++;
        deps.logger.error('event reminder failed', { eventId: event.eventId, error });
      }
    }
  }
  return report;
}
