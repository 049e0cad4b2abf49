import type { DomainEventRecord, EndorsementEventRecord, EndorsementRecord } from '../endorsement/model';
import type { EndorsementType } from '../endorsement/types';
import type { CustomerRecord, PolicyRecord } from '../policy/model';
import type { PayoutInstructionChange } from './payout-instructions';

/**
 * Storage of endorsement applications, their audit trail and the domain-event outbox. Every
 * transition is one transaction: the application (version-checked), its audit events, and —
 * when the change takes effect — the policy (version-checked), the holder and the outbox item.
 */
export interface EndorsementCommit {
  /** The application after the transition; stored with version `expectedVersion + 1`. */
  application: EndorsementRecord;
  expectedVersion: number;
  events: EndorsementEventRecord[];
  /** The endorsed policy, replaced only if its stored version is still `policy.version`. */
  policy?: PolicyRecord;
  /** The policy version that must still be stored (submission for review changes nothing yet). */
  policyVersionCheck?: { policyNo: string; version: number };
  holder?: CustomerRecord;
  /** The holder's phone that must still be stored (a contact change replaces it). */
  holderPhoneBefore?: string;
  outbox?: DomainEventRecord[];
  /** Unsigned documents to delete (a cancelled draft's 申请书); a signed one refuses the commit. */
  discardUnsignedDocuments?: string[];
  /**
   * Signed documents that never take effect (a cancelled or rejected application's 申请书 and the
   * insured's consent): voided with the reason and time, each with its audit event.
   */
  voidSignedDocuments?: { documentIds: string[]; reason: string; byUserId: string; byRole: string };
  /** A financial submission's answer under its Idempotency-Key, created by the same transaction. */
  idempotency?: SubmissionRecord;
  /**
   * Payout instructions issued, settled or superseded with this change (the payments context's
   * items, written in the same transaction: no payout without its effect, no effect without it).
   */
  payoutInstructions?: PayoutInstructionChange[];
}

/** What a financial submission records under its Idempotency-Key (kept 24 hours). */
export interface SubmissionRecord {
  /** The hash of application, user and Idempotency-Key. */
  key: string;
  /** The answer the submission gave, replayed to every repeat. */
  response: unknown;
  /** Epoch ms of the submission. */
  at: number;
}

/** "One open application per type and policy": the slot an open application holds. */
export interface OpenApplicationSlot {
  policyNo: string;
  type: EndorsementType;
}

export interface EndorsementRepository {
  get(applicationId: string): Promise<EndorsementRecord | null>;
  /** The holder's applications, newest first. */
  listByHolder(customerId: string): Promise<EndorsementRecord[]>;
  /** Submitted applications awaiting staff review in the branch subtree, oldest first. */
  listAwaitingReview(branchPath: string): Promise<EndorsementRecord[]>;
  listEvents(applicationId: string): Promise<EndorsementEventRecord[]>;
  create(application: EndorsementRecord, events: EndorsementEventRecord[]): Promise<void>;
  /**
   * One TransactWriteItems. A changed application → CONFLICT 「申请状态已变化，请刷新后查看」;
   * a changed policy → CONFLICT 「保单信息已变更，请刷新后重试」; with `idempotency`, a live record
   * under its key or a collision with another transaction → CONFLICT 「该请求正在处理中…」.
   */
  commit(change: EndorsementCommit): Promise<EndorsementRecord>;
  /**
   * Reserves the one open application of `type` on `policyNo` for `applicationId` (a conditional
   * create of the slot's item; with `replacing`, a conditional take-over of a stale holder's).
   * Null when reserved; otherwise who holds the slot and since when.
   */
  reserveOpenApplication(
    slot: OpenApplicationSlot,
    applicationId: string,
    at: number,
    replacing?: string,
  ): Promise<{ applicationId: string; reservedAt: number } | null>;
  /** Frees the slot if `applicationId` still holds it (a final application, or a create that failed). */
  releaseOpenApplication(slot: OpenApplicationSlot, applicationId: string): Promise<void>;
  /** Outbox items not yet taken by a consumer, oldest first. */
  listPendingDomainEvents(limit: number): Promise<DomainEventRecord[]>;
  /**
   * Takes the event off the pending index, only if it is still there: true for the one consumer
   * that took it, false when another consumer already did.
   */
  markDomainEventConsumed(eventId: string, at: number): Promise<boolean>;
  /** Counts a failed delivery on a still pending event (it stays pending for the next run). */
  recordDomainEventFailure(eventId: string, reason: string): Promise<void>;
}
