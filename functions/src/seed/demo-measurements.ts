import { type BusinessCalendar, startOfShanghaiDay, weekdayOf } from '@zhixiang/shared/complaints/calendar';
import { addDays } from '@zhixiang/shared/format/dates';
import type { BranchRecord } from '@zhixiang/shared/policy/model';
import { type MeasurementEvent, timedMeasurements } from '@zhixiang/shared/standards/measure';
import type { IngestRequestSchema } from '@zhixiang/shared/standards/schemas';
import type * as z from 'zod/mini';
import { assertLocalStage, type Stage } from '../platform/config';
import type { MeasurementStream } from '../platform/measurement/measurement-stream';
import { ingestStandardEvents } from '../standards/use-cases/ingest-events';

/**
 * 演示数据: a month of demo activity for the service standards' dashboard on a fresh local stack,
 * written through the code real events take — the insurer's other systems' journeys (the call
 * centre, claims, benefits, new business) through the signed route's own use case
 * (`ingestStandardEvents`: the same checks, the same namespacing by source, each event once), and
 * the system's own timings (the assistant's first answer, a product search, a handoff) as
 * `timedMeasurements` recorded the way the product search records them. Marked as demo data: every
 * source is `demo_<system>`, every case id starts with `DEMO-` / `demo_`, and the actor of a timing
 * is `demo_seed`. The local stage only (`assertLocalStage`): a deployed stage refuses it.
 *
 * Deterministic: the same day gives the same events (a hash of day, journey and index picks each
 * figure), so a re-seed writes nothing new (the route counts repeats; a timing overwrites itself).
 * The month is the 30 days before the seed's day; each 营销服务部 has its own service level, so the
 * branch bars differ, and a few cases of each journey fall outside their target.
 */
export const DEMO_DAYS = 30;

/** The seeded catalogue is rolled out this many days before the seed's day, so the month is judged. */
export const DEMO_ROLLOUT_DAYS_BEFORE = DEMO_DAYS + 1;

export interface DemoMeasurementDeps {
  stage: Stage;
  measurements: Pick<MeasurementStream, 'record' | 'publish'>;
  businessCalendar: BusinessCalendar;
  now: () => number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A number in [0, 1) from a string: FNV-1a, then a multiply-xorshift finaliser. */
function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4_294_967_296;
}

/** A duration: most cases well inside `limit`, a share `late` of them past it (up to twice). */
function duration(key: string, limit: number, late: number): number {
  const u = unit(`${key}|d`);
  return unit(`${key}|late`) < late ? limit * (1.05 + u) : Math.max(1, Math.round(limit * (0.1 + 0.8 * u)));
}

/** A rating of 1–5, mostly 4 or 5. */
function score(key: string): number {
  const u = unit(`${key}|score`);
  return u < 0.06 ? 1 : u < 0.12 ? 2 : u < 0.25 ? 3 : u < 0.6 ? 4 : 5;
}

interface SignedJourney {
  source: string;
  /** How many cases a branch has a day (at most), and on business days only. */
  perDay: number;
  businessDaysOnly: boolean;
  /** The case's events, from its start (a Shanghai instant) and its key. */
  events: (id: string, start: number, branchPath: string, lateness: number) => DemoEvent[];
}
type DemoEvent = z.infer<typeof IngestRequestSchema>['events'][number];

const iso = (ms: number) => new Date(ms).toISOString();
const event = (
  eventId: string,
  type: string,
  at: number,
  caseId: string,
  branchPath: string,
  extra = {},
) => ({
  eventId,
  type,
  at: iso(at),
  caseId,
  branchPath,
  ...extra,
});

/** The other systems' journeys, as the seeded standards measure them (shared/src/standards/catalogue.ts). */
const SIGNED_JOURNEYS: readonly SignedJourney[] = [
  {
    source: 'demo_call_centre',
    perDay: 4,
    businessDaysOnly: false,
    events: (id, start, branchPath, late) => [
      event(`${id}-queued`, 'consultation.call_queued', start, id, branchPath),
      event(
        `${id}-answered`,
        'consultation.call_answered',
        start + duration(id, 20 * SECOND, late * 2),
        id,
        branchPath,
      ),
    ],
  },
  {
    source: 'demo_call_centre',
    perDay: 1,
    businessDaysOnly: true,
    events: (id, start, branchPath, late) => [
      event(`${id}-received`, 'information.request_received', start, id, branchPath),
      event(`${id}-answered`, 'information.answered', start + duration(id, 6 * HOUR, late), id, branchPath),
    ],
  },
  {
    source: 'demo_claims',
    perDay: 2,
    businessDaysOnly: true,
    events: (id, start, branchPath, late) => {
      const decided = start + duration(id, 24 * HOUR, late);
      return [
        event(`${id}-docs`, 'claim.documents_complete', start, id, branchPath),
        event(`${id}-decided`, 'claim.decided', decided, id, branchPath),
        event(`${id}-paid`, 'claim.paid', decided + duration(`${id}|pay`, 6 * HOUR, late), id, branchPath),
        event(`${id}-rated`, 'claim.rated', decided + 8 * HOUR, id, branchPath, { score: score(id) }),
      ];
    },
  },
  {
    source: 'demo_benefits',
    perDay: 1,
    businessDaysOnly: true,
    events: (id, start, branchPath, late) => [
      event(`${id}-due`, 'benefit.due', start, id, branchPath),
      event(`${id}-paid`, 'benefit.paid', start + duration(id, 6 * HOUR, late / 2), id, branchPath),
    ],
  },
  {
    source: 'demo_new_business',
    perDay: 2,
    businessDaysOnly: true,
    events: (id, start, branchPath, late) => [
      event(`${id}-submitted`, 'application.submitted', start, id, branchPath),
      event(
        `${id}-underwritten`,
        'application.underwritten',
        start + duration(id, 30 * HOUR, late),
        id,
        branchPath,
      ),
    ],
  },
  {
    // Ratings of journeys this system does not ask yet, from the survey system that does.
    source: 'demo_survey',
    perDay: 2,
    businessDaysOnly: false,
    events: (id, start, branchPath) => [
      event(`${id}-endorsement`, 'endorsement.rated', start, `${id}-e`, branchPath, {
        score: score(`${id}e`),
      }),
      event(`${id}-handoff`, 'consultation.handoff_rated', start + HOUR, `${id}-h`, branchPath, {
        score: score(`${id}h`),
      }),
    ],
  },
];

/** The system's own timings: start and stop types, their limit and how many a branch has a day. */
const OWN_TIMINGS = [
  {
    kind: 'assistant',
    start: 'consultation.assistant_asked',
    stop: 'consultation.assistant_answered',
    limit: SECOND,
    perDay: 6,
  },
  {
    kind: 'product_search',
    start: 'information.product_search_received',
    stop: 'information.product_search_answered',
    limit: 200,
    perDay: 6,
  },
  {
    kind: 'handoff',
    start: 'consultation.handoff_requested',
    stop: 'consultation.handoff_answered',
    limit: MINUTE,
    perDay: 2,
  },
] as const;

/**
 * Writes the demo month (see above) for `branches`' 营销服务部: the signed events accepted and
 * repeated, and the timings' events. A deployed stage is refused before anything is written.
 */
export async function seedDemoMeasurements(
  deps: DemoMeasurementDeps,
  today: string,
  branches: readonly BranchRecord[],
): Promise<{ accepted: number; repeated: number; timings: number }> {
  assertLocalStage(deps.stage, 'the demo measurement seed');
  const leaves = branches.filter((b) => b.level === 'agency');
  const now = deps.now();
  const timings: MeasurementEvent[] = [];
  const bySource = new Map<string, DemoEvent[]>();
  for (let back = DEMO_DAYS; back >= 1; back--) {
    const day = addDays(today, -back);
    const dayStart = startOfShanghaiDay(day);
    const businessDay = isBusinessDay(deps.businessCalendar, day);
    leaves.forEach((branch, b) => {
      // Each 营销服务部 has its own service level: the first keeps its targets, the others slip more.
      const lateness = 0.03 + 0.05 * b;
      SIGNED_JOURNEYS.forEach((journey, j) => {
        if (journey.businessDaysOnly && !businessDay) return;
        const count = Math.round(journey.perDay * (0.5 + unit(`${day}|${branch.branchId}|${j}`)));
        for (let i = 0; i < count; i++) {
          const id = `DEMO-${journey.source.slice(5).toUpperCase()}-${j}-${day}-${branch.branchId}-${i}`;
          // Between 09:00 and 17:00 Shanghai time.
          const start = dayStart + 9 * HOUR + Math.floor(unit(`${id}|at`) * 8 * HOUR);
          const list = bySource.get(journey.source) ?? [];
          // What has not happened yet by now is not sent: that case is still open.
          list.push(
            ...journey.events(id, start, branch.path, lateness).filter((e) => Date.parse(e.at) <= now),
          );
          bySource.set(journey.source, list);
        }
      });
      for (const timing of OWN_TIMINGS) {
        const count = Math.round(timing.perDay * (0.5 + unit(`${day}|${branch.branchId}|${timing.kind}`)));
        for (let i = 0; i < count; i++) {
          const caseId = `demo_${timing.kind}:${day}:${branch.branchId}:${i}`;
          const at = dayStart + 9 * HOUR + Math.floor(unit(`${caseId}|at`) * 11 * HOUR);
          timings.push(
            ...timedMeasurements({
              caseId,
              start: { type: timing.start, at },
              stop: { type: timing.stop, at: at + duration(caseId, timing.limit, lateness) },
              branchPath: branch.path,
              actor: 'demo_seed',
            }),
          );
        }
      }
    });
  }
  // The signed route takes at most 100 events a request: the same batches a sender would send.
  const batches: z.infer<typeof IngestRequestSchema>[] = [];
  for (const [source, events] of bySource)
    for (let i = 0; i < events.length; i += 100) batches.push({ source, events: events.slice(i, i + 100) });
  let accepted = 0;
  let repeated = 0;
  let next = 0;
  const ingestWorker = async () => {
    while (next < batches.length) {
      const outcome = await ingestStandardEvents(deps, batches[next++] as (typeof batches)[number]);
      accepted += outcome.accepted;
      repeated += outcome.repeated;
    }
  };
  await Promise.all(Array.from({ length: 8 }, ingestWorker));
  // A timing's start and stop in one transaction, as the product search writes them.
  let pair = 0;
  const timingWorker = async () => {
    while (pair * 2 < timings.length) {
      const i = pair++ * 2;
      await deps.measurements.record(timings.slice(i, i + 2));
    }
  };
  await Promise.all(Array.from({ length: 8 }, timingWorker));
  return { accepted, repeated, timings: timings.length };
}

/** A day the calendar has not imported counts as a business day from Monday to Friday. */
function isBusinessDay(calendar: BusinessCalendar, day: string): boolean {
  try {
    return calendar.isBusinessDay(day);
  } catch {
    return weekdayOf(day) >= 1 && weekdayOf(day) <= 5;
  }
}

/** The seeded catalogue's roll-out day: a month before the seed's day, so the demo month is judged. */
export function demoRolloutDay(today: string): string {
  return addDays(today, -DEMO_ROLLOUT_DAYS_BEFORE);
}
