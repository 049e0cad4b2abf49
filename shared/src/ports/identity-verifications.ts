import type { IdCardCheck, UploadKind } from '../identity/id-card';
import type { VerificationMethod, VerificationPurpose } from './identity-proofs';

/**
 * The evidence of identity verification: an append-only log of attempts' outcomes (never updated,
 * never deleted while the policy relationship lasts), the open face sessions and the per-day
 * failure counter that locks the face path. DynamoDB adapter:
 * functions/src/identity/adapters/identity-verifications.ts.
 */
export interface VerificationRecord {
  verificationId: string;
  customerId: string;
  purpose: VerificationPurpose;
  method: VerificationMethod;
  result: 'success' | 'failure';
  /** Chinese reason of a failure (shown to the user); null for a success. */
  reason: string | null;
  /** Who acted: the customer themself, the attesting agent, the reviewing staff member. */
  actorUserId: string;
  actorRole: string;
  /** Provider references: out_seq_no and verify_id of a face attempt, the review id of staff review. */
  providerRefs: Record<string, string>;
  /** WeChat's verify_ret of a face attempt. */
  providerResult: number | null;
  at: number;
  device: { userAgent: string | null; ip: string | null };
}

export interface FaceAttempt {
  attemptId: string;
  customerId: string;
  purpose: VerificationPurpose;
  userId: string;
  userRole: string;
  openid: string | null;
  outSeqNo: string;
  verifyId: string;
  provider: 'wechat' | 'sandbox';
  createdAt: number;
  expiresAt: number;
}

export interface IdentityVerificationStore {
  createFaceAttempt(attempt: FaceAttempt): Promise<void>;
  getFaceAttempt(attemptId: string): Promise<(FaceAttempt & { completedAt: number | null }) | null>;
  /**
   * One transaction: marks the attempt completed (only once: a second completion is refused with
   * false), appends the record, and for a counted failure adds one to the day's failures. A success
   * is refused too (false) when the day's failures already reached `maxFailures`.
   */
  completeFaceAttempt(input: {
    attemptId: string;
    record: VerificationRecord;
    countsAsFailure: boolean;
    day: string;
    maxFailures: number;
  }): Promise<'recorded' | 'already_completed' | 'locked'>;
  /** Appends a record of another method (agent attestation, staff review). */
  append(record: VerificationRecord): Promise<void>;
  /** The customer's records, newest first, no older than `since`. */
  listSince(customerId: string, since: number): Promise<VerificationRecord[]>;
  /** The newest record of the customer for exactly this purpose. */
  latestForPurpose(customerId: string, purpose: VerificationPurpose): Promise<VerificationRecord | null>;
  faceFailures(customerId: string, day: string): Promise<number>;
}

/** A file the device was allowed to upload (the key is the server's choice). */
export interface IdentityUpload {
  uploadId: string;
  customerId: string;
  userId: string;
  kind: UploadKind;
  key: string;
  createdAt: number;
}

/** The outcome of reading an ID card, kept as evidence (the number masked, never raw). */
export interface IdCardCheckRecord {
  checkId: string;
  customerId: string;
  userId: string;
  frontUploadId: string;
  backUploadId: string;
  provider: string;
  passed: boolean;
  idNumberMasked: string | null;
  validUntil: string | null;
  checks: IdCardCheck[];
  at: number;
}

export interface IdentityUploadStore {
  createUpload(upload: IdentityUpload, expiresAt: number): Promise<void>;
  getUpload(uploadId: string): Promise<IdentityUpload | null>;
  recordIdCardCheck(record: IdCardCheckRecord): Promise<void>;
  getIdCardCheck(customerId: string, checkId: string): Promise<IdCardCheckRecord | null>;
  /** The customer's ID card checks, in no particular order (one Query of their partition). */
  listIdCardChecks(customerId: string): Promise<IdCardCheckRecord[]>;
}

/** A request for staff review (ID-card photos + a selfie video), decided once. */
export interface IdentityReviewRecord {
  reviewId: string;
  customerId: string;
  /** The customer's branch: the review lands in the queue of staff at or above it. */
  branchPath: string;
  purpose: VerificationPurpose;
  submittedBy: string;
  frontUploadId: string;
  backUploadId: string;
  videoUploadId: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  decidedBy: string | null;
  submittedAt: number;
  decidedAt: number | null;
  device: { userAgent: string | null; ip: string | null };
  /**
   * A trustee's review (subject `trustee:<userId>`): the authorisation, and the name, document
   * type and masked number the customer recorded for them, which the reviewer compares.
   */
  trustee?: { authorisationId: string; name: string; idType: string; idNumberMasked: string };
}

export interface IdentityReviewStore {
  submit(review: IdentityReviewRecord): Promise<void>;
  get(reviewId: string): Promise<IdentityReviewRecord | null>;
  /** Pending reviews whose branch path starts with `pathPrefix`, oldest first. */
  listPending(pathPrefix: string): Promise<IdentityReviewRecord[]>;
  latestForPurpose(customerId: string, purpose: VerificationPurpose): Promise<IdentityReviewRecord | null>;
  /**
   * One transaction: the review goes from pending to decided (refused with false when someone
   * decided first) and the verification record is appended.
   */
  decide(decided: IdentityReviewRecord, record: VerificationRecord): Promise<boolean>;
}
