import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { RectificationRecord } from '@zhixiang/shared/ports/voice';
import type { CloseRectificationRequest, RectificationView } from '@zhixiang/shared/voice/rectification';
import { toRectificationView } from './rectification-access';
import {
  closedTaskError,
  openTaskInReach,
  type RectificationEvidenceDeps,
  stagedEvidence,
} from './rectification-evidence';
import { actorName, type VoiceDeps } from './voice-access';

/**
 * One audited step on an open task (a progress note, the closure): written on the condition that
 * the task is still at the version read, so of two closes at once one wins and the other is told
 * the task is already closed (409); a closed task takes no further step.
 */
async function changeOpenRectification(
  deps: VoiceDeps,
  claims: AccessClaims,
  rectificationId: string,
  step: (
    task: RectificationRecord,
    by: { byUserId: string; byName: string; at: string },
  ) => RectificationRecord,
): Promise<RectificationView> {
  const task = await openTaskInReach(deps, claims, rectificationId);
  const next = step(
    { ...task, version: task.version + 1 },
    { byUserId: claims.sub, byName: await actorName(deps, claims), at: new Date(deps.now()).toISOString() },
  );
  if (await deps.repositories.rectifications.save(next)) return toRectificationView(deps, next);
  const now = await deps.repositories.rectifications.get(rectificationId);
  if (now?.status === 'closed') throw closedTaskError(now);
  throw new AppError('CONFLICT', '该整改任务刚被他人更新，请刷新后重试');
}

export function addRectificationNote(
  deps: VoiceDeps,
  claims: AccessClaims,
  rectificationId: string,
  note: string,
): Promise<RectificationView> {
  return changeOpenRectification(deps, claims, rectificationId, (task, by) => ({
    ...task,
    trail: [...task.trail, { type: 'note', ...by, text: note }],
  }));
}

/**
 * Closes the task with its evidence: the text, and the files uploaded for it, every one checked
 * (PDF, JPEG or PNG by its bytes, ≤ 10 MB) before the closure is written; a refused file is a 400
 * naming it and the task stays open. The closure's own conditional write attaches them.
 */
export async function closeRectification(
  deps: RectificationEvidenceDeps,
  claims: AccessClaims,
  rectificationId: string,
  request: CloseRectificationRequest,
): Promise<RectificationView> {
  const staged = stagedEvidence(claims, rectificationId, request.files ?? []);
  let files: RectificationRecord['evidenceFiles'] = [];
  if (staged.length > 0) {
    // Out of reach or already closed is answered before any file is touched.
    await openTaskInReach(deps, claims, rectificationId);
    files = await deps.rectificationFiles.keep(staged, new Date(deps.now()).toISOString());
  }
  const closed = await changeOpenRectification(deps, claims, rectificationId, (task, by) => ({
    ...task,
    status: 'closed',
    closedAt: by.at,
    evidence: request.evidence,
    ...(files.length > 0 ? { evidenceFiles: files } : {}),
    trail: [
      ...task.trail,
      {
        type: 'closed',
        ...by,
        text: files.length > 0 ? `${request.evidence}（附佐证材料 ${files.length} 个）` : request.evidence,
      },
    ],
  }));
  if (staged.length > 0)
    await deps.rectificationFiles.discardStaged(staged.map((s) => s.stagingKey)).catch(() => undefined);
  return closed;
}
