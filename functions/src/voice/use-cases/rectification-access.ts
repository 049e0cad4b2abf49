import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import { AppError } from '@zhixiang/shared/errors';
import type { RectificationRecord } from '@zhixiang/shared/ports/voice';
import { toAttachments } from '@zhixiang/shared/uploads/attachments';
import {
  isRectificationOverdue,
  RECTIFICATION_LINES,
  RECTIFICATION_STATUS_LABELS,
  type RectificationView,
} from '@zhixiang/shared/voice/rectification';
import { themeLabel } from '@zhixiang/shared/voice/themes';
import { branchName, readerBranchPath, type VoiceDeps } from './voice-access';

export const RECTIFICATION_NOT_FOUND = '未找到该整改任务';

const TRAIL_LABELS: Record<RectificationRecord['trail'][number]['type'], string> = {
  opened: '发起整改',
  note: '进展',
  escalated: '逾期升级',
  closed: '整改关闭',
};

/**
 * A task the reader may see: opened in their subtree (so the levels above the opener see it too);
 * anything else is the same 404 as a task that does not exist.
 */
export async function rectificationInReach(
  deps: Pick<VoiceDeps, 'repositories'>,
  claims: AccessClaims,
  rectificationId: string,
): Promise<RectificationRecord> {
  const path = readerBranchPath(claims);
  const task = await deps.repositories.rectifications.get(rectificationId);
  if (!task || (path !== '' && !isInBranchSubtree(task.branchPath, path)))
    throw new AppError('NOT_FOUND', RECTIFICATION_NOT_FOUND);
  return task;
}

export async function toRectificationView(
  deps: Pick<VoiceDeps, 'repositories' | 'voiceThemes' | 'now'>,
  task: RectificationRecord,
): Promise<RectificationView> {
  return {
    rectificationId: task.rectificationId,
    line: task.line,
    lineLabel: RECTIFICATION_LINES[task.line],
    title: task.title,
    ownerName: task.ownerName,
    status: task.status,
    statusLabel: RECTIFICATION_STATUS_LABELS[task.status],
    dueDate: task.dueDate,
    overdue: isRectificationOverdue(task, shanghaiDate(deps.now())),
    openedAt: task.openedAt,
    openedByName: task.openedByName,
    branchName: await branchName(deps, task.branchPath),
    handlingName: await branchName(deps, task.handlingBranchPath),
    fromLabel:
      task.from.kind === 'cluster'
        ? `来自主题「${themeLabel(deps.voiceThemes, task.from.theme)}」（${task.from.week} 周）`
        : '来自单条客户之声',
    itemIds: task.itemIds,
    trail: task.trail.map((t) => ({
      type: t.type,
      label: TRAIL_LABELS[t.type],
      byName: t.byName,
      at: t.at,
      text: t.text,
    })),
    closedAt: task.closedAt,
    evidence: task.evidence,
    evidenceFiles: toAttachments(task.evidenceFiles),
  };
}
