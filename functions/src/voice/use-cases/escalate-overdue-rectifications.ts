import type { Logger } from '@aws-lambda-powertools/logger';
import { parentBranchPath } from '@zhixiang/shared/auth/access';
import { shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import type { VoiceDeps } from './voice-access';

export interface RectificationEscalationReport {
  overdue: number;
  escalated: number;
  /** Lost to a concurrent run or change (it wrote first). */
  skipped: number;
  failed: number;
}

/**
 * The scheduled escalation of overdue rectification tasks (every 5 minutes, beside the
 * complaints'): a task still open after its last day climbs the same ladder one level, once, with
 * an `escalated` step in its trail. The write is conditional on the version read, so when two runs
 * overlap exactly one escalates it.
 */
export async function escalateOverdueRectifications(
  deps: Pick<VoiceDeps, 'repositories' | 'now'> & { logger: Pick<Logger, 'error'> },
): Promise<RectificationEscalationReport> {
  const nowMs = deps.now();
  const overdue = await deps.repositories.rectifications.listOverdue(shanghaiDate(nowMs));
  const report: RectificationEscalationReport = {
    overdue: overdue.length,
    escalated: 0,
    skipped: 0,
    failed: 0,
  };
  for (const task of overdue) {
    const parent = parentBranchPath(task.handlingBranchPath);
    if (task.escalated || !parent) continue;
    try {
      const saved = await deps.repositories.rectifications.save({
        ...task,
        handlingBranchPath: parent,
        escalated: true,
        trail: [
          ...task.trail,
          {
            type: 'escalated',
            byUserId: 'system',
            byName: '系统（逾期升级）',
            at: new Date(nowMs).toISOString(),
            text: `整改期限 ${task.dueDate} 已过，升级至上级机构督办`,
          },
        ],
        version: task.version + 1,
      });
      if (saved) report.escalated += 1;
      else report.skipped += 1;
    } catch (error) {
      report.failed += 1;
      deps.logger.error('rectification escalation failed', {
        rectificationId: task.rectificationId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return report;
}
