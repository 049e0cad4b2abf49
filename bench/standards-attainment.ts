/**
 * `npm run bench:standards-attainment` — a month of service-standard attainment as the route and
 * the admin CLI's report compute it (`getStandardsAttainment`: the catalogue, the month's events
 * read day by day from the measurement stream in DynamoDB Local — one Query per Shanghai day,
 * paged, the window and 31 days after it —, every case measured and summed into standard × branch
 * × month cells), against the bare reads of the same events: the same Queries, in the same order,
 * one at a time as the job sends them, without mapping or measuring.
 *
 * N events (`--events`, default 50,000) in November 2026 — endorsement reviews (submitted →
 * sometimes awaiting the customer → replied → approved), self-service endorsements, urgent
 * complaints and claims, over four 营销服务部 — and 3N in September, for the memory check: the job
 * runs once over each month in a process of its own (`--child`, as a Lambda runs it: a fresh
 * process with a capped heap, the job, nothing else), which reports its peak RSS
 * (`process.resourceUsage().maxRSS`) and its live heap (sampled after a full GC every 250 ms);
 * the memory is flat when the 3N peak stays within 1.2× the N peak, and `met` needs it. Also the
 * incremental projection (`AttainmentProjection`, one event at a time, in memory) over the N
 * events, as an extra key: its cost per event and that its cells equal the full recompute's.
 *
 * `--memory-events M` sets September's size instead of 3N: the million-event month is
 * `--events 1000000 --memory-events 333334 --samples 1` (the memory check then compares a third of
 * the data against all of it, the same threefold step from the other side).
 *
 *   npm run bench:standards-attainment -- [--events 50000] [--samples 3] [--memory-events 150000]
 */
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { defaultBusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import { AttainmentProjection, computeAttainment } from '@zhixiang/shared/standards/attainment';
import { SEEDED_STANDARDS } from '@zhixiang/shared/standards/catalogue';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import type { StandardVersion } from '@zhixiang/shared/standards/model';
import { startEphemeralStack } from '../functions/local/ephemeral-stack';
import { QueryCommand } from '../functions/src/platform/dynamodb/document-client';
import { bulkLoad } from './support/bulk-load';
import { percentile, printBenchResult } from './support/compare-with-baseline';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '50000' },
    samples: { type: 'string', default: '3' },
    'memory-events': { type: 'string' },
    /** Internal: run the job once over this month (`YYYY-MM`) of the running stack and print its peak RSS. */
    child: { type: 'string' },
  },
});
const N = Number(values.events);
const SAMPLES = Number(values.samples);
/** September's events: 3N unless `--memory-events` says otherwise. */
const M = values['memory-events'] ? Number(values['memory-events']) : 3 * N;
const MONTH_START = Date.parse('2026-11-01T00:00:00+08:00');
const TRIPLE_MONTH_START = Date.parse('2026-09-01T00:00:00+08:00');
const MONTH_MS = 30 * 86_400_000;
const BRANCHES = [
  'HQ/SH/SH-PD/SH-PD-01',
  'HQ/SH/SH-MH/SH-MH-01',
  'HQ/BJ/BJ-HD/BJ-HD-01',
  'HQ/BJ/BJ-CY/BJ-CY-01',
];
const HOUR = 3_600_000;
/** The runs' clock: 10 days after November, so every window is read up to its 31 days' grace or now. */
const NOW = MONTH_START + MONTH_MS + 10 * 86_400_000;

/** A deterministic generator (mulberry32): the same events on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 71 | t));
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildEvents(n: number, monthStart: number, prefix: string): MeasurementEvent[] {
  const next = random(42);
  const out: MeasurementEvent[] = [];
  let c = 0;
  while (out.length < n) {
    const caseId = `${prefix}:${c++}`;
    const branchPath = BRANCHES[Math.floor(next() * BRANCHES.length)] as string;
    const start = monthStart + Math.floor(next() * MONTH_MS);
    const kind = c % 4;
    const steps: [string, number][] =
      kind === 0
        ? [
            ['endorsement.submitted_for_review', 0],
            ...(next() < 0.2
              ? ([
                  ['endorsement.awaiting_customer', 2 * HOUR],
                  ['endorsement.customer_replied', 20 * HOUR],
                ] as [string, number][])
              : []),
            ['endorsement.approved', Math.floor(next() * 40 * HOUR)],
          ]
        : kind === 1
          ? [
              ['endorsement.submitted_self_service', 0],
              ['endorsement.effective', 1],
              ['endorsement.document_issued', 2],
            ]
          : kind === 2
            ? [
                ['complaint.received_urgent', 0],
                ['complaint.contacted', Math.floor(next() * 3 * HOUR)],
                ['complaint.responded', Math.floor(next() * 30 * HOUR)],
              ]
            : [
                ['claim.documents_complete', 0],
                ['claim.decided', Math.floor(next() * 5 * 24 * HOUR)],
                ['claim.paid', 5 * 24 * HOUR + Math.floor(next() * 30 * HOUR)],
              ];
    for (const [i, [type, offset]] of steps.entries())
      out.push({
        eventId: `${caseId}:${i}`,
        type,
        at: start + offset,
        caseId,
        branchPath,
        policyNo: null,
        actor: 'bench',
        source: 'system',
      });
  }
  out.length = n;
  return out;
}

/** The memory check's limit: the larger month's peak RSS at most this many times the smaller's. */
const FLAT_RSS_RATIO = 1.2;

/**
 * The job's own process: a heap of at most 256 MiB, as a small Lambda would give it, so that V8
 * collects rather than lets garbage grow the heap (without a cap, the peak RSS follows how much was
 * allocated in all — 3× at 3N — not how much is held); a job that held the window's events would
 * need more and fail. `--expose-gc` for the live-heap samples.
 */
const CHILD_NODE_FLAGS = ['--expose-gc', '--max-old-space-size=256'];

/** `--child YYYY-MM`: the job once over that month, in this fresh process; prints its peak RSS. */
async function child(month: string) {
  const { createSystem } = await import('../functions/src/system');
  const { getStandardsAttainment } = await import('../functions/src/standards/use-cases/get-attainment');
  const { parseWindow } = await import('../functions/src/standards/use-cases/standards-access');
  const container = createSystem(undefined, { now: () => NOW });
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const window = parseWindow({ from: `${month}-01`, to: `${month}-${last}`, granularity: 'month' }, NOW);
  // The live heap: sampled after a full collection every 250 ms, above what the process held before.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let liveHeap = 0;
  const sampler = setInterval(() => {
    gc();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed - heapBefore);
  }, 250);
  const started = performance.now();
  const report = await getStandardsAttainment(container, { sub: 'bench', role: 'admin' }, window);
  const ms = performance.now() - started;
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      ms,
      cases: report.standards.reduce((n, r) => n + r.cases, 0),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      liveHeapMb: liveHeap / 2 ** 20,
    }),
  );
}

/** Runs the job over `month` in a process of its own (the stack's environment) and reads its peak RSS. */
async function jobInOwnProcess(
  month: string,
): Promise<{ ms: number; cases: number; peakRssMb: number; liveHeapMb: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...CHILD_NODE_FLAGS, '--import', 'tsx', 'bench/standards-attainment.ts', '--child', month],
    { env: process.env, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

async function main() {
  const stack = await startEphemeralStack();
  try {
    Object.assign(process.env, stack.env, { POWERTOOLS_LOG_LEVEL: 'ERROR' });
    const { createSystem } = await import('../functions/src/system');
    const { measurementPut, measurementDayKey } = await import(
      '../functions/src/platform/measurement/measurement-stream'
    );
    const { seedDemoStandards } = await import('../functions/src/seed/demo-standards');
    const { getStandardsAttainment } = await import('../functions/src/standards/use-cases/get-attainment');
    const { parseWindow, STOP_GRACE_MS } = await import(
      '../functions/src/standards/use-cases/standards-access'
    );
    const { nextDate, shanghaiDate } = await import('@zhixiang/shared/complaints/calendar');
    const container = createSystem(undefined, { now: () => NOW });
    const { client, table } = container.table;
    await seedDemoStandards(container.repositories.standards, '2026-08-01');

    // Bulk load: the stream's own items.
    const load = (events: readonly MeasurementEvent[]) =>
      bulkLoad(
        container.table,
        events.map((e) => measurementPut(container.table, e).Put?.Item as Record<string, unknown>),
      );
    const loadStarted = performance.now();
    const month = buildEvents(N, MONTH_START, 'bench');
    await load(month);
    await load(buildEvents(M, TRIPLE_MONTH_START, 'triple'));
    const loadMs = performance.now() - loadStarted;

    const admin = { sub: 'bench', role: 'admin' as const };
    const windowOf = (from: string, to: string) => parseWindow({ from, to, granularity: 'month' }, NOW);
    const november = windowOf('2026-11-01', '2026-11-30');
    const september = windowOf('2026-09-01', '2026-09-30');
    const job = async (window: typeof november) => {
      const started = performance.now();
      const report = await getStandardsAttainment(container, admin, window);
      return { ms: performance.now() - started, report };
    };
    // The bare reads the job sends: one Query per Shanghai day of the span, paged, one at a time.
    const bareReads = async (window: typeof november) => {
      const started = performance.now();
      const toMs = Math.min(NOW + 1, window.toMs + STOP_GRACE_MS);
      let items = 0;
      for (let day = shanghaiDate(window.fromMs); day <= shanghaiDate(toMs - 1); day = nextDate(day)) {
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        do {
          const page = await client.send(
            new QueryCommand({
              TableName: table,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
              ExpressionAttributeValues: {
                ':pk': measurementDayKey(day),
                ':from': `${String(window.fromMs).padStart(13, '0')}#`,
                ':to': `${String(toMs - 1).padStart(13, '0')}#\uffff`,
              },
              ExclusiveStartKey,
            }),
          );
          items += page.Items?.length ?? 0;
          ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);
      }
      return { ms: performance.now() - started, items };
    };

    await bareReads(november); // warms DynamoDB Local and the client alike for both sides
    const jobMs: number[] = [];
    const bareMs: number[] = [];
    let cases = 0;
    let readItems = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const timeJob = async () => {
        const run = await job(november);
        jobMs.push(run.ms);
        cases = run.report.standards.reduce((n, r) => n + r.cases, 0);
      };
      const timeBare = async () => {
        const run = await bareReads(november);
        bareMs.push(run.ms);
        readItems = run.items;
      };
      if (s % 2 === 0) {
        await timeJob();
        await timeBare();
      } else {
        await timeBare();
        await timeJob();
      }
    }
    const triple = await job(september);
    const tripleBare = await bareReads(september);
    // Peak memory: each month's job alone in a fresh process, N then 3N.
    const ownN = await jobInOwnProcess('2026-11');
    const own3N = await jobInOwnProcess('2026-09');
    // The larger month's peak over the smaller's (September is the larger unless --memory-events < N).
    const rssGrowth = M >= N ? own3N.peakRssMb / ownN.peakRssMb : ownN.peakRssMb / own3N.peakRssMb;
    const memoryFlat = rssGrowth <= FLAT_RSS_RATIO;

    // The incremental projection over the N events, in memory (timed per 1,000-event slice).
    const standards = new Map<string, StandardVersion[]>(
      SEEDED_STANDARDS.map((d) => [
        d.standardId,
        [
          {
            ...d,
            version: 1,
            status: 'rolled_out',
            pilotBranches: [],
            steps: { rolled_out: MONTH_START - 86_400_000 },
            createdAt: MONTH_START - 86_400_000,
          },
        ],
      ]),
    );
    const full = computeAttainment(standards, month, defaultBusinessCalendar, NOW, 'month');
    const projection = new AttainmentProjection(standards, defaultBusinessCalendar, 'month');
    const slices: number[] = [];
    const incStarted = performance.now();
    for (let i = 0; i < month.length; i += 1000) {
      const t = performance.now();
      const end = Math.min(month.length, i + 1000);
      for (let j = i; j < end; j++) projection.apply(month[j] as MeasurementEvent, NOW);
      slices.push(((performance.now() - t) * 1000) / (end - i));
    }
    const incMs = performance.now() - incStarted;
    const key = (c: { standardId: string; branchPath: string; period: string; met: number; cases: number }) =>
      [c.standardId, c.branchPath, c.period, c.met, c.cases].join('|');
    const incrementalEqualsFull =
      JSON.stringify([...projection.cells.values()].map(key).sort()) ===
      JSON.stringify(full.cells.map(key).sort());
    slices.sort((a, b) => a - b);

    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    const sortedJob = [...jobMs].sort((a, b) => a - b);
    const sortedBare = [...bareMs].sort((a, b) => a - b);
    const p50 = percentile(sortedJob, 50);
    const p99 = percentile(sortedJob, 99);
    const b50 = percentile(sortedBare, 50);
    const b99 = percentile(sortedBare, 99);
    console.log(
      `${N} events in November (${readItems} read with the grace days), ${M} in September, loaded in ${round(loadMs, 0)} ms\n` +
        `the month's attainment (read + measure) p50 ${round(p50)} ms against the bare reads ${round(b50)} ms ` +
        `(${round(p50 / b50, 2)}×); ${cases} cases\n` +
        `September (${M}): ${round(triple.ms)} ms against ${round(tripleBare.ms)} ms; peak RSS of the job in its own process ` +
        `${round(ownN.peakRssMb, 0)} MB at N (${ownN.cases} cases), ${round(own3N.peakRssMb, 0)} MB at ${M} ` +
        `(${own3N.cases} cases): ${round(rssGrowth, 2)}× for the larger, flat: ${memoryFlat}; live heap ${round(ownN.liveHeapMb)} → ` +
        `${round(own3N.liveHeapMb)} MiB\n` +
        `incremental projection ${round((incMs * 1000) / N, 2)} µs per event (p50 ${round(percentile(slices, 50), 2)} µs, ` +
        `p99 ${round(percentile(slices, 99), 2)} µs); its cells equal the full recompute: ${incrementalEqualsFull}`,
    );
    printBenchResult(
      {
        bench: 'standards-attainment',
        p50Ms: round(p50),
        p99Ms: round(p99),
        baselineP50Ms: round(b50),
        baselineP99Ms: round(b99),
        ratioP50: round(p50 / b50, 2),
        ratioP99: round(p99 / b99, 2),
        goal: 2,
        met: p50 / b50 <= 2 && memoryFlat && incrementalEqualsFull,
        samples: SAMPLES,
      },
      {
        events: N,
        cases,
        loadMs: round(loadMs, 0),
        tripleEvents: M,
        tripleMs: round(triple.ms),
        tripleBareMs: round(tripleBare.ms),
        peakRssMbN: round(ownN.peakRssMb, 0),
        peakRssMb3N: round(own3N.peakRssMb, 0),
        peakRssGrowthAt3N: round(rssGrowth, 2),
        memoryFlat,
        liveHeapMbN: round(ownN.liveHeapMb),
        liveHeapMb3N: round(own3N.liveHeapMb),
        ownProcessMsN: round(ownN.ms),
        ownProcessMs3N: round(own3N.ms),
        incrementalPerEventUs: round((incMs * 1000) / N, 2),
        incrementalP50Us: round(percentile(slices, 50), 2),
        incrementalP99Us: round(percentile(slices, 99), 2),
        incrementalEqualsFull,
      },
    );
  } finally {
    await stack.stop();
  }
}

(values.child ? child(values.child) : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
