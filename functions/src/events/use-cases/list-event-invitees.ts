import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { maskName } from '@zhixiang/shared/callback/view';
import { type EventInviteesResponse, REGISTRATION_STATUS_LABELS } from '@zhixiang/shared/events/schemas';
import { type EventDeps, publishedEvent } from './event-access';

/**
 * The customers who registered for an event through the agent's invitation, names masked, newest
 * first, and the agent's id for the invitation link (`invitedBy`). An agent sees only their own
 * invitees, whatever else the event holds.
 */
export async function listEventInvitees(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<EventInviteesResponse> {
  await publishedEvent(deps, eventId);
  if (!claims.agentId) return { invitedBy: null, invitees: [] };
  const mine = (await deps.repositories.events.registrationsOfEvent(eventId)).filter(
    (r) => r.invitedBy === claims.agentId && r.customerId,
  );
  const customers = await Promise.all(mine.map((r) => deps.repositories.customers.get(r.customerId ?? '')));
  return {
    invitedBy: claims.agentId,
    invitees: mine
      .map((r, i) => ({
        nameMasked: maskName(customers[i]?.name ?? '客户'),
        status: r.status,
        statusLabel: REGISTRATION_STATUS_LABELS[r.status],
        partySize: r.partySize,
        registeredAt: r.registeredAt,
      }))
      .sort((a, b) => b.registeredAt.localeCompare(a.registeredAt)),
  };
}
