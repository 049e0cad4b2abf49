import { randomBytes } from 'node:crypto';
import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import {
  type CreateEventRequest,
  EVENT_AUDIT_LABELS,
  EVENT_NOT_FOUND_MESSAGE,
  type EventOrganisersResponse,
  eventTimingProblem,
  type StaffEvent,
  type StaffEventDetail,
  type StaffEventListResponse,
} from '@zhixiang/shared/events/schemas';
import { eventFormOf, toStaffEvent } from '@zhixiang/shared/events/view';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { BranchRecord } from '@zhixiang/shared/policy/model';
import type { EventAuditAction, EventRecord } from '@zhixiang/shared/ports/events';
import type { BranchRepository, UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import { coverUrlOf, type EventDeps } from './event-access';

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
    marketing: request.marketing ?? false,
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

/**
 * Checks a staff member's event request beyond its shape: a configured segment, times against
 * the clock, and an organising branch of their own subtree (their own when none is named).
 */
async function checkedRequest(
  deps: EventDeps,
  claims: AccessClaims,
  request: CreateEventRequest,
): Promise<BranchRecord> {
  assertKnownSegment(deps, request);
  const timing = eventTimingProblem(request, deps.now());
  if (timing) throw new AppError('VALIDATION_FAILED', timing.message, { field: timing.field });
  const branchId = request.organiserBranchId ?? claims.branchId;
  const organiser = branchId ? await deps.repositories.branches.get(branchId) : null;
  if (!claims.branchPath || !claims.branchId)
    throw new AppError('FORBIDDEN', '您的账号未关联机构，无法创建活动');
  if (!organiser || !isInBranchSubtree(organiser.path, claims.branchPath))
    throw new AppError('FORBIDDEN', '只能以本机构或下属机构的名义主办活动', { field: 'organiserBranchId' });
  return organiser;
}

const auditOf = (eventId: string, action: EventAuditAction, claims: AccessClaims, at: string) => ({
  eventId,
  action,
  byUserId: claims.sub,
  at,
});

/** Staff create an event as a draft, organised by their own branch or one below it; audited. */
export async function createEvent(
  deps: EventDeps,
  claims: AccessClaims,
  request: CreateEventRequest,
): Promise<StaffEvent> {
  const organiser = await checkedRequest(deps, claims, request);
  const nowMs = deps.now();
  const createdAt = new Date(nowMs).toISOString();
  const event = eventFromRequest(
    request,
    { eventId: newEventId(nowMs), createdBy: claims.sub, createdAt },
    organiser,
  );
  if (!(await deps.repositories.events.create(event, auditOf(event.eventId, 'created', claims, createdAt))))
    throw new AppError('CONFLICT', '活动编号冲突，请重试');
  return staffView(deps, event);
}

export const PUBLISHED_NOT_EDITABLE = '该活动已发布，不能再修改';

/** Staff of the organising subtree edit a draft: the whole event is replaced, its sessions laid out again; audited. */
export async function updateEvent(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
  request: CreateEventRequest,
): Promise<StaffEvent> {
  const previous = await staffEvent(deps, claims, eventId);
  if (previous.status !== 'draft') throw new AppError('CONFLICT', PUBLISHED_NOT_EDITABLE);
  const organiser = await checkedRequest(deps, claims, request);
  const at = new Date(deps.now()).toISOString();
  const event: EventRecord = {
    ...eventFromRequest(
      request,
      { eventId, createdBy: previous.createdBy, createdAt: previous.createdAt },
      organiser,
    ),
    cover: previous.cover ?? null,
  };
  if (
    !(await deps.repositories.events.replaceDraft(event, previous, auditOf(eventId, 'updated', claims, at)))
  )
    throw new AppError('CONFLICT', PUBLISHED_NOT_EDITABLE);
  return staffView(deps, event);
}

/** One event of the staff member's subtree with its editable fields and its publishing trail. */
export async function getStaffEvent(
  deps: EventDeps & { repositories: { users: Pick<UserAccountRepository, 'get'> } },
  claims: AccessClaims,
  eventId: string,
): Promise<StaffEventDetail> {
  const event = await staffEvent(deps, claims, eventId);
  const [sessions, trail] = await Promise.all([
    deps.repositories.events.sessions(eventId),
    deps.repositories.events.auditTrail(eventId),
  ]);
  const names = new Map<string, string>();
  for (const userId of new Set(trail.map((a) => a.byUserId)))
    names.set(userId, (await deps.repositories.users.get(userId))?.displayName ?? '系统导入');
  return {
    ...toStaffEvent(event, sessions, await coverUrlOf(deps, event)),
    organiserBranchId: event.organiserBranchId,
    form: eventFormOf(event),
    audit: trail.map((a) => ({
      action: a.action,
      actionLabel: EVENT_AUDIT_LABELS[a.action],
      byName: names.get(a.byUserId) ?? '系统导入',
      at: a.at,
    })),
  };
}

/** The branches the staff member may organise for (their own and below) and the configured segments. */
export async function listEventOrganisers(
  deps: EventDeps & { repositories: { branches: Pick<BranchRepository, 'listSubtree'> } },
  claims: AccessClaims,
): Promise<EventOrganisersResponse> {
  const branches = claims.branchPath ? await deps.repositories.branches.listSubtree(claims.branchPath) : [];
  return {
    organisers: branches.map((b) => ({ branchId: b.branchId, name: b.name, path: b.path })),
    segments: Object.entries(deps.eventSettings.segments).map(([key, s]) => ({ key, label: s.label })),
  };
}

/** An event as its organisers' lists show it: sessions with their live seats, the cover's link. */
export async function staffView(deps: EventDeps, event: EventRecord): Promise<StaffEvent> {
  const [sessions, coverUrl] = await Promise.all([
    deps.repositories.events.sessions(event.eventId),
    coverUrlOf(deps, event),
  ]);
  return toStaffEvent(event, sessions, coverUrl);
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

/** Publishes a draft: from now on it is listed to everyone (with their eligibility); audited. */
export async function publishEvent(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<StaffEvent> {
  const event = await staffEvent(deps, claims, eventId);
  if (event.status !== 'draft') throw new AppError('CONFLICT', '该活动已发布');
  if (Date.parse(event.registrationClosesAt) <= deps.now())
    throw new AppError('CONFLICT', '报名截止时间已过，请先修改活动时间再发布');
  const at = new Date(deps.now()).toISOString();
  if (!(await deps.repositories.events.publish(eventId, at, auditOf(eventId, 'published', claims, at))))
    throw new AppError('CONFLICT', '该活动已发布');
  return staffView(deps, { ...event, status: 'published', publishedAt: at });
}

/** The events organised in the staff member's branch subtree, drafts included, soonest first. */
export async function listStaffEvents(
  deps: EventDeps,
  claims: AccessClaims,
): Promise<StaffEventListResponse> {
  if (!claims.branchPath) return { events: [] };
  const events = await deps.repositories.events.listByOrganiser(claims.branchPath);
  const views = await Promise.all(events.map((e) => staffView(deps, e)));
  return { events: views.sort((a, b) => a.firstStartsAt.localeCompare(b.firstStartsAt)) };
}
