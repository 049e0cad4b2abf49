import { randomBytes } from 'node:crypto';
import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import {
  type CreateEventRequest,
  EVENT_NOT_FOUND_MESSAGE,
  type StaffEvent,
  type StaffEventListResponse,
} from '@zhixiang/shared/events/schemas';
import { toStaffEvent } from '@zhixiang/shared/events/view';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { BranchRecord } from '@zhixiang/shared/policy/model';
import type { EventRecord } from '@zhixiang/shared/ports/events';
import type { EventDeps } from './event-access';

/** `EV` + the Shanghai date of creation + 8 random hex characters. */
function newEventId(nowMs: number): string {
  return `EV${todayInShanghai(new Date(nowMs)).replaceAll('-', '')}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** An event record from a staff member's (or an import's) request, organised by `organiser`. */
export function eventFromRequest(
  request: CreateEventRequest,
  ids: { eventId: string; createdBy: string; createdAt: string },
  organiser: BranchRecord,
): EventRecord {
  const venues = request.venues.map((v, i) => ({ venueId: `V${i + 1}`, name: v.name, address: v.address }));
  return {
    eventId: ids.eventId,
    brand: request.brand,
    title: request.title,
    city: request.city,
    description: request.description,
    venues,
    sessions: request.sessions.map((s, i) => ({
      sessionId: `S${i + 1}`,
      venueId: venues[s.venueIndex]?.venueId ?? 'V1',
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      capacity: s.capacity,
    })),
    audience: {
      roles: [...new Set(request.audience.roles)],
      segment: request.audience.segment,
      ageBand: request.audience.ageBand,
      branch: request.audience.organiserBranchOnly ? { path: organiser.path, name: organiser.name } : null,
    },
    registrationOpensAt: new Date(request.registrationOpensAt).toISOString(),
    registrationClosesAt: new Date(request.registrationClosesAt).toISOString(),
    whatToBring: request.whatToBring,
    maxCompanions: request.maxCompanions,
    organiserBranchId: organiser.branchId,
    organiserBranchName: organiser.name,
    organiserBranchPath: organiser.path,
    status: 'draft',
    createdBy: ids.createdBy,
    createdAt: ids.createdAt,
    publishedAt: null,
  };
}

/** A configured segment the audience names must exist (a typo would shut every customer out). */
export function assertKnownSegment(
  deps: Pick<EventDeps, 'eventSettings'>,
  request: CreateEventRequest,
): void {
  const segment = request.audience.segment;
  if (segment && !deps.eventSettings.segments[segment])
    throw new AppError(
      'VALIDATION_FAILED',
      `客户分层「${segment}」未配置，可选：${Object.keys(deps.eventSettings.segments).join('、')}`,
      {
        field: 'audience.segment',
      },
    );
}

/** Staff create an event as a draft, organised by their own branch. */
export async function createEvent(
  deps: EventDeps,
  claims: AccessClaims,
  request: CreateEventRequest,
): Promise<StaffEvent> {
  assertKnownSegment(deps, request);
  const organiser = claims.branchId ? await deps.repositories.branches.get(claims.branchId) : null;
  if (!organiser) throw new AppError('FORBIDDEN', '您的账号未关联机构，无法创建活动');
  const nowMs = deps.now();
  const event = eventFromRequest(
    request,
    { eventId: newEventId(nowMs), createdBy: claims.sub, createdAt: new Date(nowMs).toISOString() },
    organiser,
  );
  if (!(await deps.repositories.events.create(event))) throw new AppError('CONFLICT', '活动编号冲突，请重试');
  return toStaffEvent(event, await deps.repositories.events.sessions(event.eventId));
}

/** An event organised in the staff member's branch subtree; any other is the 404 of one that does not exist. */
export async function staffEvent(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<EventRecord> {
  const event = await deps.repositories.events.get(eventId);
  if (!event || !claims.branchPath || !isInBranchSubtree(event.organiserBranchPath, claims.branchPath))
    throw new AppError('NOT_FOUND', EVENT_NOT_FOUND_MESSAGE);
  return event;
}

/** Publishes a draft: from now on it is listed to everyone (with their eligibility). */
export async function publishEvent(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<StaffEvent> {
  const event = await staffEvent(deps, claims, eventId);
  if (event.status !== 'draft') throw new AppError('CONFLICT', '该活动已发布');
  const at = new Date(deps.now()).toISOString();
  if (!(await deps.repositories.events.publish(eventId, at))) throw new AppError('CONFLICT', '该活动已发布');
  return toStaffEvent(
    { ...event, status: 'published', publishedAt: at },
    await deps.repositories.events.sessions(eventId),
  );
}

/** The events organised in the staff member's branch subtree, drafts included, soonest first. */
export async function listStaffEvents(
  deps: EventDeps,
  claims: AccessClaims,
): Promise<StaffEventListResponse> {
  if (!claims.branchPath) return { events: [] };
  const events = await deps.repositories.events.listByOrganiser(claims.branchPath);
  const views = await Promise.all(
    events.map(async (e) => toStaffEvent(e, await deps.repositories.events.sessions(e.eventId))),
  );
  return { events: views.sort((a, b) => a.firstStartsAt.localeCompare(b.firstStartsAt)) };
}
