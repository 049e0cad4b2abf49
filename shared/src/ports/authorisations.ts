import type { PowerOfAttorney } from '../authorisations/power-of-attorney';
import type { AuthorisationStatus } from '../authorisations/status';

/** A video authorisation as the use cases see it. Instants are ISO strings. */
export interface AuthorisationRecord {
  authorisationId: string;
  /** The policyholder giving the power of attorney, and the account that started it. */
  customerId: string;
  userId: string;
  status: AuthorisationStatus;
  /** Encrypted at rest as a whole (ID numbers, phone, bank account). */
  poa: PowerOfAttorney;
  /** The lowest branch whose subtree holds every policy named: its staff review. */
  reviewBranchPath: string;
  consent: { version: string; at: string } | null;
  /** Under the staging prefix until submitted, then in the evidence bucket (`versionId` there). */
  documentPhoto: { key: string; contentType: string; checkedAt: string; versionId?: string | null } | null;
  /** The recording's multipart upload under way (S3's upload id stays on the server). */
  videoUpload: {
    key: string;
    s3UploadId: string;
    sizeBytes: number;
    partBytes: number;
    partCount: number;
    /** Part number → ETag, as the device reported each part uploaded. */
    parts: Record<string, string>;
    startedAt: string;
  } | null;
  recording: {
    key: string;
    contentType: string;
    sizeBytes: number;
    durationSeconds: number;
    sha256: string;
    /** The script as it stood on the day of recording: what the customer was to read. */
    scriptDate: string;
    recordedAt: string;
    /** The evidence object's version and its governance-mode retention date. */
    versionId?: string | null;
    retainUntil?: string;
    /**
     * The named policies whose end the data does not give (whole life…): while any is listed the
     * daily job extends the lock (`retention.ts`); absent or empty once every end is known.
     */
    openEndedPolicyNos?: string[];
    /** A rejected recording deleted after the appeal window. */
    purgedAt?: string | null;
  } | null;
  rejectionReason: string | null;
  /** Rejected: when the appeal window ends and the recording is deleted. */
  purgeAfter?: string | null;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  /** Revoked by the customer: when (it took effect at once). */
  revokedAt?: string | null;
  /** The trustee's own user account, bound once by the trustee (reference, ID and SMS code). */
  trustee?: { userId: string; boundAt: string } | null;
  /** Bumped on every write; a write names the version it read (optimistic concurrency). */
  version: number;
}

/** One entry of an authorisation's audit trail: who viewed the recording, who decided, who revoked. */
export interface AuthorisationAuditEvent {
  action: 'video_viewed' | 'approved' | 'rejected' | 'revoked' | 'trustee_bound' | 'retention_extended';
  byUserId: string;
  at: string;
}

/** A decided authorisation whose letter to the customer is not issued yet (the outbox). */
export interface DecisionLetterEntry {
  authorisationId: string;
  customerId: string;
  decidedAt: string;
}

export interface AuthorisationStore {
  get(authorisationId: string): Promise<AuthorisationRecord | null>;
  listByCustomer(customerId: string): Promise<AuthorisationRecord[]>;
  /** The authorisations bound to this trustee's user account, newest binding first. */
  listByTrustee(userId: string): Promise<AuthorisationRecord[]>;
  /**
   * Creates (`expectedVersion` null) or replaces the version read; false when someone wrote in
   * between. A decision comes with its audit event and its letter's outbox entry, a revocation or
   * a trustee's binding with its audit event, each in one transaction with the record.
   */
  put(
    record: AuthorisationRecord,
    expectedVersion: number | null,
    effects?: { audit: AuthorisationAuditEvent; letter?: DecisionLetterEntry },
  ): Promise<boolean>;
  /** Records one uploaded part of the upload under way, leaving every other field as it is. */
  recordPart(authorisationId: string, s3UploadId: string, partNumber: number, etag: string): Promise<boolean>;
  /** Submitted authorisations whose review branch lies in this subtree, oldest first. */
  listSubmitted(branchPath: string): Promise<AuthorisationRecord[]>;
  appendAudit(authorisationId: string, event: AuthorisationAuditEvent): Promise<void>;
  listAudit(authorisationId: string): Promise<AuthorisationAuditEvent[]>;
  listPendingDecisionLetters(limit: number): Promise<DecisionLetterEntry[]>;
  /**
   * Evidence locked for open-ended policies (`recording.openEndedPolicyNos`), not rejected: the
   * daily job looks at each (sparse index, oldest look first).
   */
  listOpenEndedRetention(limit: number, after?: string): Promise<AuthorisationRecord[]>;
  /** Rejected authorisations whose appeal window has ended and whose recording is not deleted yet. */
  listDueForPurge(now: string, limit: number): Promise<AuthorisationRecord[]>;
  /** Takes the entry off the pending index; false when another consumer took it first. */
  markDecisionLetterIssued(authorisationId: string, letterId: string, at: number): Promise<boolean>;
  recordDecisionLetterFailure(authorisationId: string, reason: string): Promise<void>;
}

/** The recordings: S3 multipart uploads under `authorisations/`, presigned for the device. */
export interface AuthorisationVideoFiles {
  createMultipart(key: string, contentType: string): Promise<string>;
  presignPart(key: string, s3UploadId: string, partNumber: number, expiresInSeconds: number): Promise<string>;
  completeMultipart(
    key: string,
    s3UploadId: string,
    parts: { partNumber: number; etag: string }[],
  ): Promise<void>;
  /**
   * Streams the object once: its SHA-256 (hex), its size, and its bytes up to `keepBytes` for
   * the container's checks.
   */
  digest(
    key: string,
    keepBytes: number,
  ): Promise<{ sha256: string; sizeBytes: number; bytes: Uint8Array } | null>;
  delete(key: string): Promise<void>;
  /**
   * Copies a staged upload into the evidence bucket under Object Lock (governance mode) until
   * `retainUntil`, then deletes the staged copy; the evidence object's version id.
   */
  keepAsEvidence(stagingKey: string, evidenceKey: string, retainUntil: Date): Promise<string | null>;
  presignEvidence(key: string, expiresInSeconds: number): Promise<string>;
  /** Extends an evidence object's governance-mode lock (PutObjectRetention; S3 refuses shortening). */
  extendRetention(key: string, versionId: string | null, retainUntil: Date): Promise<void>;
  /** Deletes an evidence object's version, lifting its governance-mode lock. */
  purgeEvidence(key: string, versionId: string | null): Promise<void>;
}
