import { defaultEventSettings } from '@zhixiang/shared/events/rules';
import { CreateEventRequestSchema } from '@zhixiang/shared/events/schemas';
import type { BranchRecord } from '@zhixiang/shared/policy/model';
import type { EventRecord, EventStore } from '@zhixiang/shared/ports/events';
import type { BranchRepository } from '@zhixiang/shared/ports/repositories';
import { eventFromRequest } from '../../src/events/use-cases/manage-events';
import { emptyTally } from '../../src/seed/write-if-changed';
import { type CsvRow, describeIssue, forEachWithProgress, ImportRejected, type RowProblem } from './csv-rows';
import type { ImportReport } from './import-customers';

/**
 * Club events from CSV, one row per session: the rows of one `eventId` share the event's columns
 * (the first row's are used, and a row that differs is refused) and each adds a session at its
 * venue. Rows are checked by the same rules as an event staff create in the mini program.
 */
export const EVENT_COLUMNS = [
  'eventId',
  'brand',
  'title',
  'city',
  'description',
  'organiserBranchId',
  'roles',
  'segment',
  'minAge',
  'maxAge',
  'organiserBranchOnly',
  'registrationOpensAt',
  'registrationClosesAt',
  'whatToBring',
  'maxCompanions',
  'publish',
  'venueName',
  'venueAddress',
  'startsAt',
  'endsAt',
  'capacity',
] as const;

/** The columns that describe the event rather than one of its sessions. */
const EVENT_LEVEL = EVENT_COLUMNS.filter(
  (c) => !['venueName', 'venueAddress', 'startsAt', 'endsAt', 'capacity'].includes(c),
);

export interface EventImportDeps {
  repositories: { events: Pick<EventStore, 'create' | 'get'>; branches: Pick<BranchRepository, 'get'> };
  /** The import's own time (ISO): the events' creation time. */
  nowIso: string;
  progress?: (done: number, total: number) => void;
}

const yes = (text: string | undefined) =>
  ['是', 'true', 'yes', '1'].includes((text ?? '').trim().toLowerCase());
const intOrText = (text: string | undefined) => (text && /^\d+$/.test(text) ? Number(text) : text);

export async function validateEventRows(
  rows: CsvRow[],
  deps: EventImportDeps,
): Promise<{ events: EventRecord[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const eventId = row.values.eventId ?? '';
    if (!/^EV[0-9A-Za-z-]{4,40}$/.test(eventId)) {
      problems.push({
        line: row.line,
        reason: 'eventId：活动编号应以 EV 开头，由 4–40 位字母、数字或连字符组成',
      });
      continue;
    }
    const group = groups.get(eventId) ?? [];
    const first = group[0];
    const differs = first && EVENT_LEVEL.filter((c) => (first.values[c] ?? '') !== (row.values[c] ?? ''));
    if (differs && differs.length > 0) {
      problems.push({
        line: row.line,
        reason: `与第 ${first.line} 行同一活动，但以下列不同：${differs.join('、')}`,
      });
      continue;
    }
    groups.set(eventId, [...group, row]);
  }
  const events: EventRecord[] = [];
  for (const [eventId, group] of groups) {
    const head = group[0]!.values;
    const venues: { name: string; address: string }[] = [];
    const sessions = group.map(({ values }) => {
      let venueIndex = venues.findIndex(
        (v) => v.name === values.venueName && v.address === values.venueAddress,
      );
      if (venueIndex < 0)
        venueIndex = venues.push({ name: values.venueName ?? '', address: values.venueAddress ?? '' }) - 1;
      return {
        venueIndex,
        startsAt: values.startsAt,
        endsAt: values.endsAt,
        capacity: intOrText(values.capacity),
      };
    });
    const parsed = CreateEventRequestSchema.safeParse({
      brand: head.brand,
      title: head.title,
      city: head.city,
      description: head.description,
      venues,
      sessions,
      audience: {
        roles: (head.roles ?? '').split('|').filter(Boolean),
        segment: head.segment || null,
        ageBand:
          head.minAge || head.maxAge ? { min: intOrText(head.minAge), max: intOrText(head.maxAge) } : null,
        organiserBranchOnly: yes(head.organiserBranchOnly),
      },
      registrationOpensAt: head.registrationOpensAt,
      registrationClosesAt: head.registrationClosesAt,
      whatToBring: head.whatToBring,
      maxCompanions: intOrText(head.maxCompanions),
    });
    const line = group[0]!.line;
    if (!parsed.success) {
      problems.push({ line, reason: `活动 ${eventId}：${describeIssue(parsed.error)}` });
      continue;
    }
    const segment = parsed.data.audience.segment;
    if (segment && !defaultEventSettings.segments[segment]) {
      problems.push({ line, reason: `活动 ${eventId}：客户分层「${segment}」未配置` });
      continue;
    }
    const organiser: BranchRecord | null = await deps.repositories.branches.get(head.organiserBranchId ?? '');
    if (!organiser) {
      problems.push({ line, reason: `活动 ${eventId}：主办机构 ${head.organiserBranchId} 不存在` });
      continue;
    }
    const event = eventFromRequest(
      parsed.data,
      { eventId, createdBy: 'admin-import', createdAt: deps.nowIso },
      organiser,
    );
    events.push(yes(head.publish) ? { ...event, status: 'published', publishedAt: deps.nowIso } : event);
  }
  return { events, problems };
}

/** Creates each event once: an event id already in the table is left as it is (re-importing changes nothing). */
export async function importEvents(
  file: string,
  rows: CsvRow[],
  deps: EventImportDeps,
): Promise<ImportReport> {
  const { events, problems } = await validateEventRows(rows, deps);
  if (problems.length > 0) throw new ImportRejected(file, problems);
  const tally = emptyTally();
  await forEachWithProgress(
    events,
    async (event) => {
      tally[(await deps.repositories.events.create(event)) ? 'created' : 'unchanged']++;
    },
    deps.progress ?? (() => {}),
  );
  return { rows: rows.length, ...tally };
}
