import type { AttachmentType, StoredAttachment } from '../uploads/attachments';
import type { UploadRule } from '../uploads/checked-file';

/** One upload to attach: where the device put it, where the record keeps it, and its check. */
export interface StagedUpload {
  stagingKey: string;
  finalKey: string;
  rule: UploadRule<AttachmentType>;
}

/**
 * Files attached to records, in the private document bucket: the device PUTs to a staging key the
 * server chose (expired by the bucket's lifecycle if never attached), the server checks every
 * staged file before keeping any, and the record's transaction is what attaches them.
 */
export interface AttachmentFiles {
  presignUpload(stagingKey: string, expiresInSeconds: number): Promise<string>;
  /**
   * Checks every staged upload (present, within its size, of an allowed type by its first bytes; a
   * rejected one is deleted and the first refusal thrown) and only then copies each to its final
   * key with its SHA-256. Nothing refers to the copies until the caller's own write does.
   */
  keep(staged: readonly StagedUpload[], at: string): Promise<StoredAttachment[]>;
  /** Deletes staged uploads once attached (best effort: the lifecycle rule is the backstop). */
  discardStaged(stagingKeys: readonly string[]): Promise<void>;
  /** A short-lived GET link. */
  presignGet(key: string, expiresInSeconds: number): Promise<string>;
}

/** What attached files belong to: a complaint (its photos) or a rectification task (its evidence). */
export type AttachmentOwner =
  | { kind: 'complaint'; complaintId: string }
  | { kind: 'rectification'; rectificationId: string };

/** A reader was handed a link to one attached file: who, which file, when. */
export interface AttachmentView {
  fileNo: number;
  key: string;
  byUserId: string;
  byRole: string;
  at: string;
}

/** The audit of views of attached files, kept beside their record. */
export interface AttachmentViewLog {
  /** Records the views of one reading together, before the links are handed out. */
  record(owner: AttachmentOwner, views: readonly AttachmentView[]): Promise<void>;
  /** The record's views, oldest first. */
  list(owner: AttachmentOwner): Promise<AttachmentView[]>;
}
