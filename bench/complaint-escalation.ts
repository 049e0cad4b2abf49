/**
 * `npm run bench:complaint-escalation` — the escalation job (`escalateBreachedComplaints`, every 5
 * minutes) over `BENCH_COMPLAINTS` open complaints (default 5,000) in DynamoDB Local, against the
 * bare reads it sends at the same concurrency: the open-complaint index a page at a time and each
 * complaint's event log, ESCALATION_CONCURRENCY queries at once, without mapping, clocks or
 * writes. The complaints are received over the last 20 days (a quarter urgent) at the four branch
 * levels, with the logs complaints really have: received only; claimed and contacted; waiting for
 * the customer and replied; responded; extended to 30 days.
 *
 * A first run catches up (every clock breached so far escalates, one transaction each; reported,
 * not compared); the timed runs are the job as scheduled, 5 minutes apart after it, interleaved
 * with the bare reads (alternating which goes first). The peak RSS of this process during the job's
 * runs is sampled every 10 ms: it should not grow with the complaints (the walk holds one page).
 * The last line is the JSON result.
 */

import { startEphemeralStack } from '../functions/local/ephemeral-stack';
import { mapConcurrently } from '../functions/src/platform/concurrency';
import { QueryCommand } from '../functions/src/platform/dynamodb/document-client';
import type { ComplaintEventRecord, ComplaintRecord } from '../shared/src/ports/complaints';
import { bulkLoad } from './support/bulk-load';
import { percentile, printBenchResult } from './support/compare-with-baseline';

const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 5_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);
const HOUR = 3_600_000;
const RUN_INTERVAL = 5 * 60_000;
const BRANCHES = ['HQ/SH/SH-PD/SH-PD-01', 'HQ/SH/SH-MH', 'HQ/BJ/BJ-HD', 'HQ/BJ'];

function build(i: number): { complaint: ComplaintRecord; events: ComplaintEventRecord[] } {
  const complaintId = `TS20261125${String(i).padStart(6, '0')}`;
  const received = NOW - ((i * 7919) % (20 * 24)) * HOUR - (i % 60) * 60_000;
  const at = (hours: number) => new Date(received + hours * HOUR).toISOString();
  const event = (seq: number, type: ComplaintEventRecord['type'], hours: number, extra = {}) => ({
    complaintId,
    seq,
    type,
    at: at(hours),
    actorId: 'bench',
    actorName: 'bench',
    note: null,
    ...extra,
  });
  const shapes: ComplaintEventRecord[][] = [
    [event(1, 'received', 0)],
    [event(1, 'received', 0), event(2, 'claimed', 0.5), event(3, 'contacted', 1.5)],
    [
      event(1, 'received', 0),
      event(2, 'claimed', 1),
      event(3, 'awaiting_customer', 3),
      event(4, 'customer_replied', 30),
    ],
    [event(1, 'received', 0), event(2, 'claimed', 1), event(3, 'contacted', 2), event(4, 'responded', 20)],
    [
      event(1, 'received', 0),
      event(2, 'claimed', 1),
      event(3, 'responded', 5),
      event(4, 'extended', 48, { limitDays: 30 }),
    ],
  ];
  const events = shapes[i % shapes.length]!.filter((e) => Date.parse(e.at) <= NOW);
  const branch = BRANCHES[i % BRANCHES.length]!;
  return {
    events,
    complaint: {
      complaintId,
      customerId: `C${i}`,
      policyNo: `8831010${String(i).padStart(8, '0')}`,
      category: 'claims',
      description: '理赔材料提交后两周没有任何进度',
      preferredContactTime: 'any',
      channel: 'mini_program',
      severity: i % 4 === 0 ? 'urgent' : 'ordinary',
      reasons: [],
      branchPath: branch,
      handlingBranchPath: branch,
      escalatedClocks: [],
      status: events.length > 1 ? 'claimed' : 'received',
      claimedBy: null,
      claimedByName: null,
      receivedAt: at(0),
      version: events.length,
    },
  };
}

async function main() {
  const stack = await startEphemeralStack();
  try {
    Object.assign(process.env, stack.env, { POWERTOOLS_LOG_LEVEL: 'ERROR' });
    const { createSystem } = await import('../functions/src/system');
    const { complaintItem, complaintEventItem } = await import(
      '../functions/src/complaints/adapters/complaints'
    );
    const { escalateBreachedComplaints, ESCALATION_CONCURRENCY } = await import(
      '../functions/src/complaints/use-cases/escalate-breached-complaints'
    );
    let now = NOW;
    const container = createSystem(undefined, { now: () => now });
    const { client, table } = container.table;

    // Bulk load, 25 items a request, 16 requests at once.
    const loadStarted = performance.now();
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < COMPLAINTS; i++) {
      const { complaint, events } = build(i);
      items.push(complaintItem(complaint), ...events.map(complaintEventItem));
    }
    await bulkLoad(container.table, items);
    const loadMs = performance.now() - loadStarted;

    let peakRss = 0;
    const job = async () => {
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 10);
      const started = performance.now();
      try {
        const report = await escalateBreachedComplaints({
          ...container,
          logger: { error: () => {}, warn: () => {} },
        });
        return { ms: performance.now() - started, report };
      } finally {
        clearInterval(sampler);
      }
    };
    // The bare reads the job sends, at its concurrency: the open index page by page, each log.
    const bareReads = async () => {
      const started = performance.now();
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': 'COMPLAINTS#OPEN' },
            Limit: 200,
            ExclusiveStartKey,
          }),
        );
        await mapConcurrently(page.Items ?? [], ESCALATION_CONCURRENCY, (item) =>
          client.send(
            new QueryCommand({
              TableName: table,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
              ExpressionAttributeValues: { ':pk': (item as { pk: string }).pk, ':event': 'EVENT#' },
              ConsistentRead: true,
            }),
          ),
        );
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return performance.now() - started;
    };

    await bareReads(); // warms DynamoDB Local and the client alike for both sides
    const catchUp = await job();
    const jobMs: number[] = [];
    const bareMs: number[] = [];
    let scheduledEscalated = 0;
    let failed = catchUp.report.failed;
    for (let s = 0; s < SAMPLES; s++) {
      now += RUN_INTERVAL;
      const timeJob = async () => {
        const run = await job();
        jobMs.push(run.ms);
        scheduledEscalated += run.report.escalated;
        failed += run.report.failed;
      };
      const timeBare = async () => {
        bareMs.push(await bareReads());
      };
      if (s % 2 === 0) {
        await timeJob();
        await timeBare();
      } else {
        await timeBare();
        await timeJob();
      }
    }
    const round = (x: number) => Math.round(x * 10) / 10;
    const sortedJob = [...jobMs].sort((a, b) => a - b);
    const sortedBare = [...bareMs].sort((a, b) => a - b);
    const p50 = percentile(sortedJob, 50);
    const p99 = percentile(sortedJob, 99);
    const b50 = percentile(sortedBare, 50);
    const b99 = percentile(sortedBare, 99);
    console.log(
      `${COMPLAINTS} open complaints loaded in ${round(loadMs)} ms; catch-up run escalated ` +
        `${catchUp.report.escalated} in ${round(catchUp.ms)} ms; scheduled runs p50 ${round(p50)} ms ` +
        `against bare reads ${round(b50)} ms; peak RSS ${Math.round(peakRss / 2 ** 20)} MiB`,
    );
    printBenchResult(
      {
        bench: 'complaint-escalation',
        p50Ms: round(p50),
        p99Ms: round(p99),
        baselineP50Ms: round(b50),
        baselineP99Ms: round(b99),
        ratioP50: Math.round((p50 / b50) * 100) / 100,
        ratioP99: Math.round((p99 / b99) * 100) / 100,
        goal: 2,
        met: p50 / b50 <= 2,
        samples: SAMPLES,
      },
      {
        complaints: COMPLAINTS,
        concurrency: ESCALATION_CONCURRENCY,
        loadMs: round(loadMs),
        catchUpMs: round(catchUp.ms),
        catchUpEscalated: catchUp.report.escalated,
        scheduledEscalated,
        perComplaintUs: round((p50 * 1000) / COMPLAINTS),
        peakRssMiB: Math.round(peakRss / 2 ** 20),
        calendarMissing: catchUp.report.calendarMissing,
        failed,
      },
    );
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
