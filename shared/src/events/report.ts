import type { PledgeRecord, RegistrationState, WalkInState } from '../ports/events';
import { NO_SEGMENT, NOT_CUSTOMER_SEGMENT } from './rules';
import type { RegistrationStatus } from './schemas';

/**
 * An event's report by the registrants' branch: registrations and people with seats, people
 * checked in and the attendance rate, how many joined the waiting list and how many of those
 * ended with a seat (waiting-list conversion). Rates are in basis points (10000 = 100%), so the
 * mini program formats them without floating-point surprises.
 */
export interface EventReportRow {
  branchPath: string;
  branchName: string;
  registrations: number;
  people: number;
  checkedInPeople: number;
  attendanceBasisPoints: number | null;
  waitlisted: number;
  waitlistConverted: number;
  conversionBasisPoints: number | null;
}

const WITH_SEATS: readonly RegistrationStatus[] = ['registered', 'checked_in'];

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 10_000) / whole);
}

/** What every row counts, whoever it groups. */
export type EventFigures = Omit<EventReportRow, 'branchPath' | 'branchName'>;

function row(
  branchPath: string,
  branchName: string,
  registrations: readonly RegistrationState[],
): EventReportRow {
  return { branchPath, branchName, ...figures(registrations) };
}

function figures(registrations: readonly RegistrationState[]): EventFigures {
  const seated = registrations.filter((r) => WITH_SEATS.includes(r.status));
  const people = seated.reduce((n, r) => n + r.partySize, 0);
  const checkedInPeople = seated
    .filter((r) => r.status === 'checked_in')
    .reduce((n, r) => n + r.partySize, 0);
  const waitlisted = registrations.filter((r) => r.waitSeq !== null);
  const waitlistConverted = waitlisted.filter((r) => WITH_SEATS.includes(r.status)).length;
  return {
    registrations: seated.length,
    people,
    checkedInPeople,
    attendanceBasisPoints: rate(checkedInPeople, people),
    waitlisted: waitlisted.length,
    waitlistConverted,
    conversionBasisPoints: rate(waitlistConverted, waitlisted.length),
  };
}

/** The walk-ins' row: each party counts as a registration checked in at the door. */
export const WALK_IN_ROW_PATH = 'WALK-IN';

function withWalkIns(r: EventReportRow, walkIns: readonly WalkInState[]): EventReportRow {
  const parties = walkIns.length;
  const people = walkIns.reduce((n, w) => n + w.partySize, 0);
  const checkedInPeople = r.checkedInPeople + people;
  return {
    ...r,
    registrations: r.registrations + parties,
    people: r.people + people,
    checkedInPeople,
    attendanceBasisPoints: rate(checkedInPeople, r.people + people),
  };
}

/**
 * One row per registrant branch (path order), the walk-ins let in at the door (现场报名) when there
 * were any, then the total ('' path, 合计).
 */
export function eventReport(
  registrations: readonly RegistrationState[],
  branchName: (path: string) => string,
  walkIns: readonly WalkInState[] = [],
): EventReportRow[] {
  const byBranch = new Map<string, RegistrationState[]>();
  for (const r of registrations) {
    const path = r.branchPath ?? '';
    byBranch.set(path, [...(byBranch.get(path) ?? []), r]);
  }
  const rows = [...byBranch.keys()]
    .sort()
    .map((path) => row(path, path ? branchName(path) : '未关联机构', byBranch.get(path) ?? []));
  const walkInRows = walkIns.length ? [withWalkIns(row(WALK_IN_ROW_PATH, '现场报名', []), walkIns)] : [];
  return [...rows, ...walkInRows, withWalkIns(row('', '合计', registrations), walkIns)];
}

/** One session's figures, with the attendees' ratings: how many rated and the average in tenths. */
export interface SessionReportRow extends EventFigures {
  sessionId: string;
  startsAt: string;
  venueName: string;
  ratings: number;
  /** 4.5 stars → 45; null before anyone rated. */
  averageRatingTenths: number | null;
}

/** One row per session of the event (walk-ins count in their session's attendance), in session order. */
export function eventReportBySession(
  sessions: readonly { sessionId: string; startsAt: string; venueName: string }[],
  registrations: readonly RegistrationState[],
  walkIns: readonly WalkInState[] = [],
): SessionReportRow[] {
  return sessions.map((s) => {
    const mine = registrations.filter((r) => r.sessionId === s.sessionId);
    const rated = mine.flatMap((r) => (r.rating ? [r.rating.score] : []));
    const {
      branchPath: _p,
      branchName: _n,
      ...counted
    } = withWalkIns(
      row('', '', mine),
      walkIns.filter((w) => w.sessionId === s.sessionId),
    );
    return {
      sessionId: s.sessionId,
      startsAt: s.startsAt,
      venueName: s.venueName,
      ...counted,
      ratings: rated.length,
      averageRatingTenths: rated.length
        ? Math.round((rated.reduce((n, score) => n + score, 0) * 10) / rated.length)
        : null,
    };
  });
}

/** The registrants of one segment (as they stood when registering). */
export interface SegmentReportRow extends EventFigures {
  segment: string;
  segmentLabel: string;
}

/** One row per segment registrants fell into, configured segments first, then the rest. */
export function eventReportBySegment(
  registrations: readonly RegistrationState[],
  segmentLabels: Record<string, string>,
): SegmentReportRow[] {
  const bySegment = new Map<string, RegistrationState[]>();
  for (const r of registrations) {
    const segment = r.segment ?? UNRECORDED_SEGMENT;
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), r]);
  }
  const labels: Record<string, string> = {
    ...segmentLabels,
    [NO_SEGMENT]: '其他客户',
    [NOT_CUSTOMER_SEGMENT]: '业务员及员工',
    [UNRECORDED_SEGMENT]: '未记录分层',
  };
  const order = Object.keys(labels);
  return [...bySegment.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([segment, rs]) => ({ segment, segmentLabel: labels[segment] ?? segment, ...figures(rs) }));
}
const UNRECORDED_SEGMENT = 'unrecorded';

/** An agent's invitees: the registrations made through their invitation link. */
export interface AgentReportRow extends EventFigures {
  agentId: string;
  agentName: string;
}

/** One row per inviting agent (most people first), for the agents' share of an event. */
export function eventReportByAgent(
  registrations: readonly RegistrationState[],
  agentName: (agentId: string) => string,
): AgentReportRow[] {
  const byAgent = new Map<string, RegistrationState[]>();
  for (const r of registrations)
    if (r.invitedBy) byAgent.set(r.invitedBy, [...(byAgent.get(r.invitedBy) ?? []), r]);
  return [...byAgent.entries()]
    .map(([agentId, invited]) => ({ agentId, agentName: agentName(agentId), ...figures(invited) }))
    .sort((a, b) => b.people - a.people || a.agentId.localeCompare(b.agentId));
}

/** 6000 → "60.00%"; no one to count → "—". */
export function percent(basisPoints: number | null): string {
  if (basisPoints === null) return '—';
  return `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}%`;
}

/** A cell quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function cell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV with a Chinese header, for export to a spreadsheet. */
export function eventReportCsv(rows: readonly EventReportRow[]): string {
  const header = [
    '机构',
    '机构路径',
    '报名数',
    '报名人数',
    '签到人数',
    '到场率',
    '候补数',
    '候补转正',
    '候补转化率',
  ];
  const lines = rows.map((r) =>
    [
      r.branchName,
      r.branchPath,
      r.registrations,
      r.people,
      r.checkedInPeople,
      percent(r.attendanceBasisPoints),
      r.waitlisted,
      r.waitlistConverted,
      percent(r.conversionBasisPoints),
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** What was pledged to an event, per kind (money in cents, goods and books in items, hours), and by how many people. */
export function pledgeTotals(pledges: readonly PledgeRecord[]): {
  money: number;
  goods: number;
  books: number;
  volunteer: number;
  people: number;
} {
  const totals = {
    money: 0,
    goods: 0,
    books: 0,
    volunteer: 0,
    people: new Set(pledges.map((p) => p.personKey)).size,
  };
  for (const p of pledges) totals[p.kind] += p.amount;
  return totals;
}
