import { maskName } from '../callback/view';
import type { ComplaintEventRecord, ComplaintRecord, DecisionLetterEntry } from '../ports/complaints';
import { maskPhone, redactText } from '../privacy/mask';
import { toAttachments } from '../uploads/attachments';
import type { BusinessCalendar } from './calendar';
import { COMPLAINT_CATEGORIES, SEVERITY_LABELS } from './classification';
import { CLOCK_LABELS, type ClockStatus, computeClocks } from './clocks';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintDetail,
  type ComplaintQueueItem,
  type ComplaintSummary,
  PREFERRED_CONTACT_TIMES,
  REOPEN_WINDOW_DAYS,
} from './schemas';

/**
 * What each reader sees of a complaint. The customer sees their own words and the progress
 * timeline; staff and agents also see severity, clocks and the audit log, with the customer's
 * name and phone masked and ID or phone numbers in free text redacted.
 */
export const TIMELINE_STEPS = [
  { step: 'received', label: '已受理' },
  { step: 'contacted', label: '已联系您' },
  { step: 'responded', label: '已答复' },
  { step: 'decided', label: '已办结' },
] as const;

export function toComplaintSummary(c: ComplaintRecord): ComplaintSummary {
  return {
    complaintId: c.complaintId,
    channel: c.channel,
    channelLabel: COMPLAINT_CHANNELS[c.channel],
    category: c.category,
    categoryLabel: COMPLAINT_CATEGORIES[c.category],
    status: c.status,
    statusLabel: COMPLAINT_STATUS_LABELS[c.status],
    policyNo: c.policyNo,
    receivedAt: c.receivedAt,
  };
}

/** The customer's progress timeline: the first time each step happened, or null. */
export function complaintTimeline(events: readonly ComplaintEventRecord[]): ComplaintDetail['timeline'] {
  return TIMELINE_STEPS.map(({ step, label }) => ({
    step,
    label,
    at: events.find((e) => e.type === step)?.at ?? null,
  }));
}

/** The end of the re-opening window: REOPEN_WINDOW_DAYS after the decision, unless re-opened. */
export function reopenableUntil(c: ComplaintRecord, events: readonly ComplaintEventRecord[]): string | null {
  const decided = events.find((e) => e.type === 'decided');
  if (c.status !== 'decided' || c.reopenedAs || !decided) return null;
  return new Date(Date.parse(decided.at) + REOPEN_WINDOW_DAYS * 86_400_000).toISOString();
}

function latestExtension(events: readonly ComplaintEventRecord[]): ComplaintDetail['extension'] {
  const extended = events.filter((e) => e.type === 'extended' && e.limitDays).at(-1);
  return extended?.limitDays
    ? { limitDays: extended.limitDays, at: extended.at, reason: redactText(extended.note ?? '') }
    : null;
}

function clockView(c: ClockStatus) {
  return {
    clock: c.clock,
    label: CLOCK_LABELS[c.clock],
    state: c.state,
    dueAt: c.dueAt,
    stoppedAt: c.stoppedAt,
  };
}

export interface HandlingFacts {
  customerName: string;
  customerPhone: string;
  calendar: BusinessCalendar;
  now: Date;
  /** The assistant conversation it was filed from (texts stored masked), oldest first. */
  conversation?: readonly { at: number; text: string }[];
}

export function toComplaintDetail(
  c: ComplaintRecord,
  events: readonly ComplaintEventRecord[],
  handling: HandlingFacts | null,
  decisionLetter: Pick<DecisionLetterEntry, 'status' | 'letterId'> | null = null,
): ComplaintDetail {
  return {
    ...toComplaintSummary(c),
    description: handling ? redactText(c.description) : c.description,
    preferredContactTime: c.preferredContactTime,
    preferredContactTimeLabel: PREFERRED_CONTACT_TIMES[c.preferredContactTime],
    timeline: complaintTimeline(events),
    extension: latestExtension(events),
    rating: c.rating
      ? {
          ...c.rating,
          comment: handling && c.rating.comment ? redactText(c.rating.comment) : (c.rating.comment ?? null),
        }
      : null,
    reopenOf: c.reopenOf ?? null,
    reopenedAs: c.reopenedAs ?? null,
    reopenableUntil: reopenableUntil(c, events),
    photos: toAttachments(c.photos),
    decisionLetter: decisionLetter
      ? { status: decisionLetter.status, letterId: decisionLetter.letterId }
      : null,
    handling: handling
      ? {
          severity: c.severity,
          severityLabel: SEVERITY_LABELS[c.severity],
          reasons: c.reasons,
          customerNameMasked: maskName(handling.customerName),
          customerPhoneMasked: maskPhone(handling.customerPhone),
          branchPath: c.branchPath,
          handlingBranchPath: c.handlingBranchPath,
          claimedByName: c.claimedByName,
          namedPersons: [
            ...(c.namedAgent ? [`代理人 ${c.namedAgent.name}`] : []),
            ...(c.namedStaff ? [`员工 ${c.namedStaff.name}`] : []),
          ],
          conversation: (handling.conversation ?? []).map((turn) => ({
            at: new Date(turn.at).toISOString(),
            text: redactText(turn.text),
          })),
          clocks: computeClocks(handling.calendar, events, c.severity, handling.now).map(clockView),
          events: events.map((e) => ({
            type: e.type,
            at: e.at,
            actorName: e.actorName,
            note: e.note === null ? null : redactText(e.note),
          })),
        }
      : null,
  };
}

const URGENCY: Record<string, number> = {
  breached: 0,
  warning: 1,
  calendar_missing: 2,
  running: 3,
  paused: 4,
};

/** The most pressing running clock: breached first, then warning, then the earliest due. */
export function mostPressingClock(clocks: readonly ClockStatus[]): ClockStatus | null {
  const open = clocks.filter((c) => c.stoppedAt === null && c.state !== 'not_applicable');
  open.sort(
    (a, b) =>
      (URGENCY[a.state] ?? 9) - (URGENCY[b.state] ?? 9) ||
      Date.parse(a.dueAt ?? '9999-12-31') - Date.parse(b.dueAt ?? '9999-12-31'),
  );
  return open[0] ?? null;
}

export function toComplaintQueueItem(
  c: ComplaintRecord,
  events: readonly ComplaintEventRecord[],
  customerName: string,
  calendar: BusinessCalendar,
  now: Date,
): ComplaintQueueItem {
  const pressing = mostPressingClock(computeClocks(calendar, events, c.severity, now));
  return {
    ...toComplaintSummary(c),
    severity: c.severity,
    severityLabel: SEVERITY_LABELS[c.severity],
    customerNameMasked: maskName(customerName),
    handlingBranchPath: c.handlingBranchPath,
    claimedByName: c.claimedByName,
    nextDue: pressing ? clockView(pressing) : null,
  };
}
