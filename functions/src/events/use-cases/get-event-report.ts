import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  eventReport,
  eventReportByAgent,
  eventReportBySegment,
  eventReportBySession,
  eventReportCsv,
  pledgeTotals,
} from '@zhixiang/shared/events/report';
import type { EventReport } from '@zhixiang/shared/events/schemas';
import { toSessionViews } from '@zhixiang/shared/events/view';
import type { AgentRepository, UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import { type EventDeps, maskedRegistrantName } from './event-access';
import { staffEvent } from './manage-events';

/**
 * An event's report for staff of the organising subtree: by the registrants' branch, the
 * registrations and people with seats, attendance and waiting-list conversion, the walk-ins let in
 * at the door, and the CSV; by inviting agent; the no-shows of sessions that have ended (masked);
 * for 太有爱, the pledges collected.
 */
export async function getEventReport(
  deps: EventDeps & {
    repositories: EventDeps['repositories'] & {
      agents: Pick<AgentRepository, 'get'>;
      users: Pick<UserAccountRepository, 'get'>;
    };
  },
  claims: AccessClaims,
  eventId: string,
): Promise<EventReport> {
  const event = await staffEvent(deps, claims, eventId);
  const [registrations, pledges, walkIns] = await Promise.all([
    deps.repositories.events.registrationsOfEvent(eventId),
    deps.repositories.events.pledgesOfEvent(eventId),
    deps.repositories.events.walkInsOfEvent(eventId),
  ]);
  const branchIds = new Set(registrations.map((r) => r.branchPath?.split('/').at(-1) ?? ''));
  const names = new Map<string, string>();
  await Promise.all(
    [...branchIds].filter(Boolean).map(async (id) => {
      const branch = await deps.repositories.branches.getCached(id);
      if (branch) names.set(branch.path, branch.name);
    }),
  );
  const agentIds = [...new Set(registrations.flatMap((r) => (r.invitedBy ? [r.invitedBy] : [])))];
  const agents = new Map(
    (await Promise.all(agentIds.map((id) => deps.repositories.agents.get(id)))).flatMap((a) =>
      a ? [[a.agentId, a.name] as const] : [],
    ),
  );
  // No-shows: parties still only registered once their session has ended.
  const ended = new Set(
    event.sessions.filter((s) => Date.parse(s.endsAt) <= deps.now()).map((s) => s.sessionId),
  );
  const noShows = await Promise.all(
    registrations
      .filter((r) => r.status === 'registered' && ended.has(r.sessionId))
      .map(async (r) => ({
        sessionId: r.sessionId,
        nameMasked: await maskedRegistrantName(deps, r),
        partySize: r.partySize,
      })),
  );
  const rows = eventReport(registrations, (path) => names.get(path) ?? path, walkIns);
  return {
    eventId,
    title: event.title,
    rows,
    byAgent: eventReportByAgent(registrations, (id) => agents.get(id) ?? id),
    bySegment: eventReportBySegment(
      registrations,
      Object.fromEntries(Object.entries(deps.eventSettings.segments).map(([key, s]) => [key, s.label])),
    ),
    bySession: eventReportBySession(toSessionViews(event, []), registrations, walkIns),
    noShows,
    csv: eventReportCsv(rows),
    pledges: pledgeTotals(pledges),
  };
}
