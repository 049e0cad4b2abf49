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

/** A breach of a fixed standard, warned once and escalated one level up the branch ladder. */
export interface BreachWarning {
  standardId: string;
  caseId: string;
  version: number;
  branchPath: string;
  escalatedTo: string | null;
  raisedAt: number;
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
  /** Records the warning once: false when this case of the standard was warned before. */
  raiseWarning(warning: BreachWarning): Promise<boolean>;
  listWarnings(standardId: string): Promise<BreachWarning[]>;
}
