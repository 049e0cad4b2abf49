import type { Logger } from '@aws-lambda-powertools/logger';
import { parentBranchPath } from '@zhixiang/shared/auth/access';
import { COMPLAINT_CATEGORIES, SEVERITY_LABELS } from '@zhixiang/shared/complaints/classification';
import { breachedClocks, CLOCK_LABELS, computeClocks } from '@zhixiang/shared/complaints/clocks';
import type { ComplaintRecord } from '@zhixiang/shared/ports/complaints';
import type { BranchRepository } from '@zhixiang/shared/ports/repositories';
import type { LiveChatDeps } from '../../assistant/use-cases/publish-handoff-update';
import { mapConcurrently } from '../../platform/concurrency';
import { announceComplaintEscalation } from '../../voice/use-cases/listen-to-voice';
import type { ComplaintDeps } from './complaint-access';

export interface EscalationReport {
  open: number;
  escalated: number;
  /** Lost to a concurrent run or change (it wrote first). */
  skipped: number;
  failed: number;
  /** Complaints with a clock the business calendar cannot compute (a year not imported). */
  calendarMissing: number;
}

/** Complaints worked on at once: their event-log reads and escalations overlap. */
export const ESCALATION_CONCURRENCY = 16;

/**
 * The scheduled escalation (every 5 minutes): an open complaint with a newly breached clock moves
 * one level up the ladder, with an `escalated` audit event. Each clock escalates a complaint once:
 * the escalated clocks are recorded on the complaint, and the write is conditional on the version
 * read, so when two runs overlap exactly one of them escalates it, and pushes it live to the
 * executives listening to the branch it reached. The open complaints are walked a
 * page at a time, ESCALATION_CONCURRENCY of a page at once, so the run's memory does not grow with
 * the number of open complaints.
 */
export async function escalateBreachedComplaints(
  deps: Pick<ComplaintDeps, 'repositories' | 'businessCalendar' | 'now'> &
    Omit<LiveChatDeps, 'logger'> & {
      repositories: { branches: Pick<BranchRepository, 'getCached'> };
      logger: Pick<Logger, 'error' | 'warn'>;
    },
): Promise<EscalationReport> {
  const report: EscalationReport = { open: 0, escalated: 0, skipped: 0, failed: 0, calendarMissing: 0 };
  const nowMs = deps.now();
  const escalate = async (complaint: ComplaintRecord) => {
    try {
      const events = await deps.repositories.complaints.events(complaint.complaintId);
      const clocks = computeClocks(deps.businessCalendar, events, complaint.severity, new Date(nowMs));
      const missing = clocks.filter((c) => c.state === 'calendar_missing');
      if (missing.length > 0) {
        report.calendarMissing += 1;
        deps.logger.error('complaint clock beyond the business calendar', {
          complaintId: complaint.complaintId,
          clocks: missing.map((c) => c.clock),
          problem: missing[0]?.problem,
        });
      }
      const fresh = breachedClocks(clocks).filter((c) => !complaint.escalatedClocks.includes(c));
      const parent = parentBranchPath(complaint.handlingBranchPath);
      if (fresh.length === 0 || !parent) return;
      const next = {
        ...complaint,
        handlingBranchPath: parent,
        escalatedClocks: [...complaint.escalatedClocks, ...fresh],
        version: complaint.version + 1,
      };
      const saved = await deps.repositories.complaints.transition(next, {
        complaintId: complaint.complaintId,
        seq: next.version,
        type: 'escalated',
        at: new Date(nowMs).toISOString(),
        actorId: 'system',
        actorName: '系统（超时升级）',
        note: null,
        fromBranchPath: complaint.handlingBranchPath,
        toBranchPath: parent,
        clocks: fresh,
      });
      if (!saved) {
        report.skipped += 1;
        return;
      }
      report.escalated += 1;
      // 高管聆听: the executives listening to the level it reached see it arrive.
      await announceComplaintEscalation(deps, {
        complaintId: complaint.complaintId,
        categoryLabel: COMPLAINT_CATEGORIES[complaint.category],
        severityLabel: SEVERITY_LABELS[complaint.severity],
        clockLabels: fresh.map((c) => CLOCK_LABELS[c]),
        at: new Date(nowMs).toISOString(),
        fromPath: complaint.handlingBranchPath,
        toPath: parent,
      }).catch((error: unknown) =>
        deps.logger.warn('escalated complaint not pushed to its listeners', {
          complaintId: complaint.complaintId,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    } catch (error) {
      report.failed += 1;
      deps.logger.error('complaint escalation failed', {
        complaintId: complaint.complaintId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  for await (const page of deps.repositories.complaints.openPages()) {
    report.open += page.length;
    await mapConcurrently(page, ESCALATION_CONCURRENCY, escalate);
  }
  return report;
}
