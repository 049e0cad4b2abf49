import type { AttachmentFiles, AttachmentOwner, AttachmentViewLog, StagedUpload } from '../ports/attachments';
import {
  ATTACHMENT_UPLOAD_SECONDS,
  ATTACHMENT_VIEW_SECONDS,
  type AttachmentLinks,
  type AttachmentType,
  numberedUploadRule,
  type StoredAttachment,
  toAttachments,
  type UploadTicket,
} from './attachments';

/** Where one kind of attachment is staged and kept, and how each is checked. */
export interface AttachmentKind {
  /** The uploader's own staging key: nobody attaches another user's upload. */
  stagingKey(userId: string, uploadId: string): string;
  finalKey(uploadId: string): string;
  /** 「第 2 张照片」: how a refusal names the n-th file. */
  which(n: number): string;
  maxBytes: number;
  typeOf(bytes: Uint8Array): AttachmentType | null;
  field: string;
  /** The allowed types as the refusal says them: 「JPG、PNG 或 HEIC」. */
  types: string;
}

/** A presigned PUT (the type is decided by the file's first bytes when checked, not declared). */
export async function attachmentUploadTicket(
  files: Pick<AttachmentFiles, 'presignUpload'>,
  kind: AttachmentKind,
  upload: { userId: string; uploadId: string; nowMs: number },
): Promise<UploadTicket> {
  return {
    uploadId: upload.uploadId,
    uploadUrl: await files.presignUpload(
      kind.stagingKey(upload.userId, upload.uploadId),
      ATTACHMENT_UPLOAD_SECONDS,
    ),
    contentType: 'application/octet-stream',
    maxBytes: kind.maxBytes,
    expiresAt: new Date(upload.nowMs + ATTACHMENT_UPLOAD_SECONDS * 1000).toISOString(),
  };
}

/** A request's upload ids as the record will attach them, in order, each with its numbered check. */
export function stagedUploads(
  kind: AttachmentKind,
  userId: string,
  uploadIds: readonly string[],
): StagedUpload[] {
  return uploadIds.map((uploadId, i) => ({
    stagingKey: kind.stagingKey(userId, uploadId),
    finalKey: kind.finalKey(uploadId),
    rule: numberedUploadRule(kind.which(i + 1), kind),
  }));
}

/**
 * Short-lived links to a record's attached files. When the reading is audited (`auditedReader`),
 * each file's view is recorded — who, which file, when — before any link is handed out, so no link
 * leaves without its audit row.
 */
export async function attachmentLinks(
  deps: {
    files: Pick<AttachmentFiles, 'presignGet'>;
    views: Pick<AttachmentViewLog, 'record'>;
    now: () => number;
  },
  owner: AttachmentOwner,
  stored: readonly StoredAttachment[],
  auditedReader: { userId: string; role: string } | null,
): Promise<AttachmentLinks> {
  const nowMs = deps.now();
  if (auditedReader && stored.length > 0) {
    const at = new Date(nowMs).toISOString();
    await deps.views.record(
      owner,
      stored.map((file, i) => ({
        fileNo: i + 1,
        key: file.key,
        byUserId: auditedReader.userId,
        byRole: auditedReader.role,
        at,
      })),
    );
  }
  const expiresAt = new Date(nowMs + ATTACHMENT_VIEW_SECONDS * 1000).toISOString();
  const files = await Promise.all(
    toAttachments(stored).map(async (file, i) => ({
      ...file,
      url: await deps.files.presignGet(stored[i]!.key, ATTACHMENT_VIEW_SECONDS),
      expiresAt,
    })),
  );
  return { files };
}
