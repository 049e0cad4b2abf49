import type { StandardVersion } from '../standards/model';
import type { EvaluationView } from '../standards/schemas';

/** A version as stored: the version and, once evaluated, its evaluation. */
export interface StoredStandardVersion extends StandardVersion {
  evaluation: EvaluationView | null;
}

/** One audited step of an admin on a standard (draft, lock, pilot, roll out, evaluate, fix). */
export interface StandardAuditEvent {
  standardId: string;
  version: number;
  action: string;
  at: number;
  actorId: string;
  detail: string;
}

/**
 * An alert a case of a fixed standard raised (`shared/src/standards/alerts.ts`): the warning at
 * 80 % of its clock (level 0, to the case's branch), its breach (level 1, one branch level up), and
 * each further multiple of its limit while still open (level n, n levels up). Raised once per case
 * and level.
 */
export interface StandardAlert {
  standardId: string;
  caseId: string;
  version: number;
  level: number;
  /** The case's branch. */
  branchPath: string;
  /** The branch the alert went to (the case's own for a warning). */
  escalatedTo: string;
  policyNo: string | null;
  /** When the case started. */
  startAt: number;
  raisedAt: number;
}

/** An alert still to be pushed to the staff and executives listening to the branch it went to. */
export interface AlertPushEntry {
  alert: StandardAlert;
  /** When it is due: raised, or a failed push's next attempt, or a held lease's end. */
  dueAt: number;
  /** Failed attempts so far. */
  attempts: number;
  lastError: string | null;
}

/**
 * The catalogue of service standards: every version of every standard (a small set, read whole),
 * each write conditional on the status read and recorded with its audit event in one transaction.
 */
export interface StandardStore {
  /** Every version of every standard, grouped by standard, versions ascending. */
  listAll(): Promise<StoredStandardVersion[][]>;
  listVersions(standardId: string): Promise<StoredStandardVersion[]>;
  /** Creates a version; false when that version number exists already. */
  create(version: StoredStandardVersion, audit: StandardAuditEvent): Promise<boolean>;
  /** Replaces a version only if its stored status is still `expectedStatus`; false otherwise. */
  save(version: StoredStandardVersion, expectedStatus: string, audit: StandardAuditEvent): Promise<boolean>;
  listAudit(standardId: string): Promise<StandardAuditEvent[]>;
  /** Conditional create of a signed request's nonce (the ingestion route): false when seen before. */
  claimNonce(nonce: string, expiresAt: number): Promise<boolean>;
  /**
   * Records the alert and its audit event in one transaction, once: false when this case of the
   * standard raised this level before (another run wrote it first).
   */
  raiseAlert(alert: StandardAlert): Promise<boolean>;
  /**
   * The alerts' push outbox (written by `raiseAlert` in the alert's own transaction): the entries
   * due by `now` (never pushed, or a failed push's retry time come), oldest first, at most `limit`.
   */
  listDueAlertPushes(now: number, limit: number): Promise<AlertPushEntry[]>;
  /**
   * Takes a due entry for one push until `leaseUntil` (a conditional write on its due time): false
   * when another run took it first, or it is gone. A run that dies holding it leaves it due again
   * at `leaseUntil`.
   */
  claimAlertPush(entry: AlertPushEntry, now: number, leaseUntil: number): Promise<boolean>;
  /** The push done: the entry removed (still held by this lease) with its audit event, in one transaction. */
  completeAlertPush(
    entry: AlertPushEntry,
    leaseUntil: number,
    pushedAt: number,
    detail: string,
  ): Promise<boolean>;
  /** A failed push: counted with its reason, due again at `retryAt` (null: given up, kept for a person). */
  recordAlertPushFailure(
    entry: AlertPushEntry,
    leaseUntil: number,
    reason: string,
    retryAt: number | null,
  ): Promise<void>;
  /** A standard's alerts (every case, every level). */
  listAlerts(standardId: string): Promise<StandardAlert[]>;
  /** The alerts that went to a branch in the subtree of `path` ('' = every branch), raised in [fromMs, toMs). */
  listAlertsTo(path: string, fromMs: number, toMs: number): Promise<StandardAlert[]>;
}
