import type {
  DocumentAuditEvent,
  DocumentRecord,
  SealedPdfRecord,
  SignatureRecord,
  VoidedRecord,
} from '../documents/model';

/**
 * Storage ports of electronic documents. The DynamoDB adapter keeps a document and its audit
 * trail in one partition and writes the signing as one transaction.
 */
export interface DocumentRepository {
  /** Creates the document with its `created` event; CONFLICT if the id exists. */
  create(document: DocumentRecord, created: DocumentAuditEvent): Promise<void>;
  get(documentId: string): Promise<DocumentRecord | null>;
  /** The policyholder's documents, newest first. */
  listByHolder(customerId: string): Promise<DocumentRecord[]>;
  /** The document whose sealed PDF has this SHA-256 (the verification of an uploaded file). */
  findBySealedHash(sha256: string): Promise<DocumentRecord | null>;
  /**
   * Claims the signing of a document still awaiting signature at `expectedVersion` (a conditional
   * write before anything is rendered): true for the one signer that holds it until `until`; false
   * when the document changed, was signed, or another signer's claim has not expired at `now`.
   */
  claimSigning(input: {
    documentId: string;
    expectedVersion: number;
    claimId: string;
    now: number;
    until: number;
  }): Promise<boolean>;
  /** Gives up a claim (the signing failed before completing) so the document can be signed at once. */
  releaseSigning(documentId: string, claimId: string): Promise<void>;
  /**
   * One transaction: the document, still awaiting signature at `expectedVersion` and claimed by
   * `claimId`, becomes signed with its signature and sealed PDF, and the events are appended.
   * CONFLICT when someone else signed first.
   */
  completeSigning(input: {
    documentId: string;
    expectedVersion: number;
    claimId: string;
    signature: SignatureRecord;
    sealed: SealedPdfRecord;
    events: DocumentAuditEvent[];
  }): Promise<DocumentRecord>;
  /**
   * One transaction: the 批单 is created (sealed, effective) with its events, and each signed
   * application it confirms becomes effective and names it, with an `effective` event each.
   * False when the 批单 already exists (another consumer issued it first); nothing is written then.
   */
  issueEndorsement(input: {
    endorsement: DocumentRecord;
    events: DocumentAuditEvent[];
    applications: { documentId: string; effectiveAt: number; event: DocumentAuditEvent }[];
  }): Promise<boolean>;
  /**
   * One transaction: a signed or effective document becomes voided with the reason and time, and
   * the `voided` event is appended. CONFLICT when it is already voided or not signed.
   */
  voidDocument(input: {
    documentId: string;
    voided: VoidedRecord;
    event: DocumentAuditEvent;
  }): Promise<DocumentRecord>;
  appendEvent(event: DocumentAuditEvent): Promise<void>;
  /** The audit trail in time order. */
  listEvents(documentId: string): Promise<DocumentAuditEvent[]>;
}
