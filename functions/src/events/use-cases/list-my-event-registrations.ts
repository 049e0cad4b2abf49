import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { MyRegistrationsResponse } from '@zhixiang/shared/events/schemas';
import { toRegistrationView } from '@zhixiang/shared/events/view';
import { type EventDeps, waitingPositionOf } from './event-access';

/** The signed-in person's own registrations, newest first, with their place on a waiting list. */
export async function listMyEventRegistrations(
  deps: EventDeps,
  claims: AccessClaims,
): Promise<MyRegistrationsResponse> {
  const { events } = deps.repositories;
  const mine = await events.registrationsOf(claims.sub);
  const registrations = await Promise.all(
    mine.map(async (registration) => {
      const event = await events.get(registration.eventId);
      if (!event) return null;
      return toRegistrationView(event, registration, await waitingPositionOf(deps, registration), deps.now());
    }),
  );
  return { registrations: registrations.filter((r) => r !== null) };
}
