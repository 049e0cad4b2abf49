/**
 * `npm run bench:complaint-escalation` — the clock and escalation computation over 100,000 open
 * complaints (`BENCH_COMPLAINTS`): the escalation job's own code (`escalateBreachedComplaints`:
 * every complaint's clocks computed from its event log on the business calendar, the breached ones
 * found, the complaint moved one level up) over an in-memory store of the same interface, so the
 * figure is the computation alone, not DynamoDB's reads. The complaints are received over the last
 * 20 days (a quarter urgent) at the four branch levels, with the logs complaints really have:
 * received only; claimed and contacted; waiting for the customer and replied; responded; extended to
 * 30 days. A second run over the same complaints escalates none (each clock escalates once). The
 * last line is the JSON result.
 */

import { escalateBreachedComplaints } from '../functions/src/complaints/use-cases/escalate-breached-complaints';
import { defaultBusinessCalendar } from '../shared/src/complaints/calendar';
import type { ComplaintEventRecord, ComplaintRecord } from '../shared/src/ports/complaints';
import { printBenchResult } from './support/compare-with-baseline';

const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 100_000);
const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);
const HOUR = 3_600_000;
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
  const built = Array.from({ length: COMPLAINTS }, (_, i) => build(i));
  const complaints = new Map(built.map((b) => [b.complaint.complaintId, b.complaint]));
  const logs = new Map(built.map((b) => [b.complaint.complaintId, b.events]));
  // The store's interface as the job uses it: the open complaints, each one's log, the
  // conditional transition (the version read must still be the stored one).
  const store = {
    listOpen: async () => [...complaints.values()],
    events: async (id: string) => logs.get(id) ?? [],
    transition: async (next: ComplaintRecord, event: ComplaintEventRecord) => {
      const stored = complaints.get(next.complaintId);
      if (!stored || stored.version !== next.version - 1) return null;
      complaints.set(next.complaintId, next);
      logs.set(next.complaintId, [...(logs.get(next.complaintId) ?? []), event]);
      return next;
    },
  };
  const deps = {
    repositories: { complaints: store } as never,
    businessCalendar: defaultBusinessCalendar,
    now: () => NOW,
    logger: { error: () => {} },
  };
  const time = async () => {
    const started = performance.now();
    const report = await escalateBreachedComplaints(deps);
    return { ms: performance.now() - started, report };
  };
  // Baseline: the bare reads the job sends — every open complaint and its event log.
  const bare = async () => {
    const started = performance.now();
    const open = await store.listOpen();
    for (const c of open) await store.events(c.complaintId);
    return performance.now() - started;
  };
  const baselineMs = await bare();
  const first = await time();
  const second = await time();
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(
    `first run: ${first.report.open} open, ${first.report.escalated} escalated in ${round(first.ms)} ms; ` +
      `second run: ${second.report.escalated} escalated in ${round(second.ms)} ms`,
  );
  printBenchResult(
    {
      bench: 'complaint-escalation',
      // One run is one sample: p50 and p99 are that run.
      p50Ms: round(first.ms),
      p99Ms: round(first.ms),
      baselineP50Ms: round(baselineMs),
      baselineP99Ms: round(baselineMs),
      ratioP50: Math.round((first.ms / baselineMs) * 100) / 100,
      ratioP99: Math.round((first.ms / baselineMs) * 100) / 100,
      goal: 2,
      met: first.ms / baselineMs <= 2,
      samples: 1,
    },
    {
      complaints: COMPLAINTS,
      firstRunMs: round(first.ms),
      firstRunEscalated: first.report.escalated,
      secondRunMs: round(second.ms),
      secondRunEscalated: second.report.escalated,
      perComplaintUs: round((first.ms * 1000) / COMPLAINTS),
      calendarMissing: first.report.calendarMissing,
      failed: first.report.failed + second.report.failed,
    },
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
