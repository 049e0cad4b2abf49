import type { DomainEventRecord, EndorsementEventRecord, EndorsementRecord } from '../endorsement/model';
import type { CustomerRecord, PolicyRecord } from '../policy/model';

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
  /** Unsigned documents to delete (a cancelled draft's 批单); a signed one refuses the commit. */
  discardUnsignedDocuments?: string[];
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
   * a changed policy → CONFLICT 「保单信息已变更，请刷新后重试」.
   */
  commit(change: EndorsementCommit): Promise<EndorsementRecord>;
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
