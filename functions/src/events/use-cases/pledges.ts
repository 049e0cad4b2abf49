import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import {
  type MyPledgesResponse,
  PLEDGE_KINDS,
  PLEDGE_UNITS,
  type PledgeView,
  type RecordPledgeRequest,
} from '@zhixiang/shared/events/schemas';
import type { PledgeRecord } from '@zhixiang/shared/ports/events';
import { assertEligible, type EventDeps, personKeyOf, publishedEvent, registrantOf } from './event-access';

function toView(p: PledgeRecord): PledgeView {
  return {
    kind: p.kind,
    kindLabel: PLEDGE_KINDS[p.kind],
    amount: p.amount,
    unit: PLEDGE_UNITS[p.kind],
    note: p.note,
    pledgedAt: p.pledgedAt,
  };
}

/**
 * A pledge to a 太有爱 event by anyone its audience admits (customers, agents, staff), recorded per
 * person; a person may pledge more than once, until the event's last session ends.
 */
export async function recordEventPledge(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
  request: RecordPledgeRequest,
): Promise<PledgeView> {
  const event = await publishedEvent(deps, eventId);
  if (event.brand !== 'charity') throw new AppError('CONFLICT', '只有太有爱公益活动可以认捐');
  const registrant = await registrantOf(deps, claims);
  assertEligible(deps, event, registrant);
  const lastEnd =
    event.sessions
      .map((s) => s.endsAt)
      .sort()
      .reverse()[0] ?? event.registrationClosesAt;
  if (Date.parse(lastEnd) <= deps.now()) throw new AppError('CONFLICT', '活动已结束，不再接受认捐');
  const pledge: PledgeRecord = {
    eventId,
    personKey: personKeyOf(claims),
    userId: claims.sub,
    role: claims.role,
    branchPath: registrant.branchPath,
    kind: request.kind,
    amount: request.amount,
    note: request.note,
    pledgedAt: new Date(deps.now()).toISOString(),
  };
  await deps.repositories.events.recordPledge(pledge);
  return toView(pledge);
}

/** The signed-in person's own pledges to an event. */
export async function listMyEventPledges(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<MyPledgesResponse> {
  await publishedEvent(deps, eventId);
  const pledges = await deps.repositories.events.pledgesOf(eventId, personKeyOf(claims));
  return { pledges: pledges.map(toView) };
}
