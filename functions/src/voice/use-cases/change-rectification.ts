import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { RectificationRecord } from '@zhixiang/shared/ports/voice';
import type { RectificationView } from '@zhixiang/shared/voice/rectification';
import { rectificationInReach, toRectificationView } from './rectification-access';
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
  const task = await rectificationInReach(deps, claims, rectificationId);
  const closed = (t: RectificationRecord) =>
    new AppError('CONFLICT', `该整改任务已于 ${t.closedAt?.slice(0, 10) ?? ''} 关闭，不能再更改`);
  if (task.status === 'closed') throw closed(task);
  const next = step(
    { ...task, version: task.version + 1 },
    { byUserId: claims.sub, byName: await actorName(deps, claims), at: new Date(deps.now()).toISOString() },
  );
  if (await deps.repositories.rectifications.save(next)) return toRectificationView(deps, next);
  const now = await deps.repositories.rectifications.get(rectificationId);
  if (now?.status === 'closed') throw closed(now);
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

export function closeRectification(
  deps: VoiceDeps,
  claims: AccessClaims,
  rectificationId: string,
  evidence: string,
): Promise<RectificationView> {
  return changeOpenRectification(deps, claims, rectificationId, (task, by) => ({
    ...task,
    status: 'closed',
    closedAt: by.at,
    evidence,
    trail: [...task.trail, { type: 'closed', ...by, text: evidence }],
  }));
}
