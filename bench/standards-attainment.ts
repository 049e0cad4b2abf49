import { parseArgs } from 'node:util';
import { defaultBusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import { AttainmentProjection, computeAttainment } from '@zhixiang/shared/standards/attainment';
import { SEEDED_STANDARDS } from '@zhixiang/shared/standards/catalogue';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import type { StandardVersion } from '@zhixiang/shared/standards/model';
import { printBenchResult } from './support/compare-with-baseline';

/**
 * A month of service-standard attainment over N measurement events (default 1,000,000), computed
 * in memory by the pure functions the routes use: the full recompute (group by case, measure each
 * case against the seeded catalogue, sum into standard × branch × month cells) and the incremental
 * projection (one event at a time), against a bare scan of the same events (read each event's
 * fields once). Events: November 2026, endorsement reviews (submitted → sometimes awaiting the
 * customer → replied → approved), self-service endorsements, urgent complaints and claims, over
 * the ten demo branches. The last line is the benchmark contract's JSON: p50/p99 of the full
 * recompute against the scan, per 1,000 events (timed in 1,000-event slices), plus the totals,
 * the incremental cost per event and the peak RSS.
 *
 *   npm run bench:standards-attainment -- [--events 1000000]
 */
const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' } } });
const N = Number(values.events);
const MONTH_START = Date.parse('2026-11-01T00:00:00+08:00');
const MONTH_MS = 30 * 86_400_000;
const BRANCHES = [
  'HQ/SH/SH-PD/SH-PD-01',
  'HQ/SH/SH-MH/SH-MH-01',
  'HQ/BJ/BJ-HD/BJ-HD-01',
  'HQ/BJ/BJ-CY/BJ-CY-01',
];
const HOUR = 3_600_000;

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

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

function buildEvents(n: number): MeasurementEvent[] {
  const next = random(42);
  const out: MeasurementEvent[] = [];
  let c = 0;
  while (out.length < n) {
    const caseId = `bench:${c++}`;
    const branchPath = BRANCHES[Math.floor(next() * BRANCHES.length)] as string;
    const start = MONTH_START + Math.floor(next() * MONTH_MS);
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

const rolledOut = MONTH_START - 86_400_000;
const standards = new Map<string, StandardVersion[]>(
  SEEDED_STANDARDS.map((d) => [
    d.standardId,
    [
      {
        ...d,
        version: 1,
        status: 'rolled_out',
        pilotBranches: [],
        steps: { rolled_out: rolledOut },
        createdAt: rolledOut,
      },
    ],
  ]),
);
const now = MONTH_START + MONTH_MS + 10 * 86_400_000;

const events = buildEvents(N);
sampleRss();

// The bare scan: every event's fields read once.
const scanStarted = performance.now();
let checksum = 0;
for (const e of events) checksum += e.at + e.type.length + e.caseId.length + e.branchPath.length;
const scanMs = performance.now() - scanStarted;
sampleRss();

// The full recompute of the month.
const fullStarted = performance.now();
const full = computeAttainment(standards, events, defaultBusinessCalendar, now, 'month');
const fullMs = performance.now() - fullStarted;
sampleRss();

// The incremental projection, one event at a time (timed per 1,000-event slice).
const projection = new AttainmentProjection(standards, defaultBusinessCalendar, 'month');
const slices: number[] = [];
const incStarted = performance.now();
for (let i = 0; i < events.length; i += 1000) {
  const t = performance.now();
  const end = Math.min(events.length, i + 1000);
  for (let j = i; j < end; j++) projection.apply(events[j] as MeasurementEvent, now);
  slices.push((performance.now() - t) / (end - i));
  if (i % 100_000 === 0) sampleRss();
}
const incMs = performance.now() - incStarted;
sampleRss();

const cases = full.cases.length;
const cells = full.cells.length;
const sameAsFull =
  JSON.stringify(
    [...projection.cells.values()].map((c) => [c.standardId, c.branchPath, c.period, c.met, c.cases]).sort(),
  ) === JSON.stringify(full.cells.map((c) => [c.standardId, c.branchPath, c.period, c.met, c.cases]).sort());
slices.sort((a, b) => a - b);
const p = (q: number) => slices[Math.min(slices.length - 1, Math.floor(q * slices.length))] ?? 0;
const per1000Full = (fullMs / N) * 1000;
const per1000Scan = (scanMs / N) * 1000;
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

console.log(
  `${N} events, ${cases} measured cases, ${cells} cells (standard × branch × month); checksum ${checksum}\n` +
    `bare scan ${scanMs.toFixed(0)} ms; full recompute ${fullMs.toFixed(0)} ms; incremental ${incMs.toFixed(0)} ms ` +
    `(${((incMs / N) * 1000).toFixed(1)} µs per event, p50 ${(p(0.5) * 1000).toFixed(1)} µs, p99 ${(p(0.99) * 1000).toFixed(1)} µs); ` +
    `incremental cells equal the full recompute: ${sameAsFull}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
);
printBenchResult(
  {
    bench: 'standards-attainment',
    p50Ms: round(p(0.5) * 1000),
    p99Ms: round(p(0.99) * 1000),
    baselineP50Ms: round(per1000Scan),
    baselineP99Ms: round(per1000Scan),
    ratioP50: round((p(0.5) * 1000) / per1000Scan, 2),
    ratioP99: round((p(0.99) * 1000) / per1000Scan, 2),
    goal: 100,
    met: sameAsFull && (p(0.5) * 1000) / per1000Scan <= 100,
    samples: slices.length,
  },
  {
    unit: 'per 1,000 events',
    events: N,
    cases,
    cells,
    scanMs: round(scanMs, 1),
    fullRecomputeMs: round(fullMs, 1),
    fullPer1000Ms: round(per1000Full),
    incrementalTotalMs: round(incMs, 1),
    incrementalPerEventUs: round((incMs / N) * 1000, 2),
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    incrementalEqualsFull: sameAsFull,
  },
);
