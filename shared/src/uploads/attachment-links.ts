import type { AttachmentFiles, AttachmentOwner, AttachmentViewLog } from '../ports/attachments';
import {
  ATTACHMENT_VIEW_SECONDS,
  type AttachmentLinks,
  type StoredAttachment,
  toAttachments,
} from './attachments';

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
