import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { AttachmentFiles, AttachmentViewLog, StagedUpload } from '@zhixiang/shared/ports/attachments';
import type { RectificationRecord } from '@zhixiang/shared/ports/voice';
import {
  type AttachmentKind,
  attachmentLinks,
  attachmentUploadTicket,
  stagedUploads,
} from '@zhixiang/shared/uploads/attachment-links';
import {
  type AttachmentLinks,
  evidenceTypeOf,
  type UploadTicket,
} from '@zhixiang/shared/uploads/attachments';
import { MAX_EVIDENCE_FILE_BYTES } from '@zhixiang/shared/voice/rectification';
import { rectificationInReach } from './rectification-access';
import type { VoiceDeps } from './voice-access';

/** What a closure's evidence files need beyond the tasks themselves. */
export interface RectificationEvidenceDeps extends VoiceDeps {
  repositories: VoiceDeps['repositories'] & { attachmentViews: AttachmentViewLog };
  rectificationFiles: AttachmentFiles;
}

/** A task's evidence files: staged by the uploader, kept under the task. */
const evidenceOf = (rectificationId: string): AttachmentKind => ({
  stagingKey: (userId, uploadId) => `voice/uploads/${userId}/${uploadId}`,
  finalKey: (uploadId) => `voice/rectifications/${rectificationId}/evidence/${uploadId}`,
  which: (n) => `第 ${n} 个佐证材料`,
  maxBytes: MAX_EVIDENCE_FILE_BYTES,
  typeOf: evidenceTypeOf,
  field: 'files',
  types: 'PDF、JPG 或 PNG',
});

/** The 409 of a step on a closed task. */
export function closedTaskError(task: Pick<RectificationRecord, 'closedAt'>): AppError {
  return new AppError('CONFLICT', `该整改任务已于 ${task.closedAt?.slice(0, 10) ?? ''} 关闭，不能再更改`);
}

/** An open task within the reader's reach: out of reach is the 404, closed the 409. */
export async function openTaskInReach(
  deps: Pick<VoiceDeps, 'repositories'>,
  claims: AccessClaims,
  rectificationId: string,
): Promise<RectificationRecord> {
  const task = await rectificationInReach(deps, claims, rectificationId);
  if (task.status === 'closed') throw closedTaskError(task);
  return task;
}

/** A presigned PUT for one evidence file of an open task of the caller's subtree. */
export async function createRectificationEvidenceUpload(
  deps: RectificationEvidenceDeps,
  claims: AccessClaims,
  rectificationId: string,
): Promise<UploadTicket> {
  await openTaskInReach(deps, claims, rectificationId);
  return attachmentUploadTicket(deps.rectificationFiles, evidenceOf(rectificationId), {
    userId: claims.sub,
    uploadId: randomUUID(),
    nowMs: deps.now(),
  });
}

/** The closer's uploads as the closure will attach them, each with its numbered check. */
export function stagedEvidence(
  claims: AccessClaims,
  rectificationId: string,
  uploadIds: readonly string[],
): StagedUpload[] {
  return stagedUploads(evidenceOf(rectificationId), claims.sub, uploadIds);
}

/** Short-lived links to a task's evidence files; every view (who, which file, when) is recorded first. */
export async function listRectificationEvidence(
  deps: RectificationEvidenceDeps,
  claims: AccessClaims,
  rectificationId: string,
): Promise<AttachmentLinks> {
  const task = await rectificationInReach(deps, claims, rectificationId);
  return attachmentLinks(
    { files: deps.rectificationFiles, views: deps.repositories.attachmentViews, now: deps.now },
    { kind: 'rectification', rectificationId },
    task.evidenceFiles ?? [],
    { userId: claims.sub, role: claims.role },
  );
}
