import type { ComplaintCategory, ComplaintSeverity } from '../complaints/classification';
import type { ClockName, ComplaintEventType } from '../complaints/clocks';
import type { ComplaintChannel, ComplaintStatus, PreferredContactTime } from '../complaints/schemas';
import type { StoredAttachment } from '../uploads/attachments';
import type { VoiceItemRecord } from './voice';

/** A complaint (投诉工单) as the use cases see it. Instants are ISO strings. */
export interface ComplaintRecord {
  /** The reference number (投诉编号). */
  complaintId: string;
  customerId: string;
  policyNo: string;
  category: ComplaintCategory;
  description: string;
  preferredContactTime: PreferredContactTime;
  channel: ComplaintChannel;
  /** The call the phone system identified, when a seat filed it from the screen-pop. */
  callId?: string;
  /** The assistant's conversation it was filed from: handlers read what the customer said there. */
  conversationId?: string;
  /**
   * Who the complaint is about (回避): the policy's agent may not read it, the named staff member
   * may not claim it. Names are kept for the handler's view.
   */
  namedAgent?: { agentId: string; name: string };
  namedStaff?: { userId: string; name: string };
  severity: ComplaintSeverity;
  /** Why it is urgent/major (Chinese labels), empty when ordinary. */
  reasons: string[];
  /** The policy's branch (属地管理): whose subtree may see it. */
  branchPath: string;
  /** The level now handling it: the policy's branch, or above it after escalation. */
  handlingBranchPath: string;
  /** The clocks whose breach has already escalated it (each escalates once). */
  escalatedClocks: ClockName[];
  status: ComplaintStatus;
  claimedBy: string | null;
  claimedByName: string | null;
  receivedAt: string;
  /** The complainant's satisfaction once decided (absent until rated). */
  rating?: { score: number; comment: string | null; at: string };
  /** A re-opened complaint names the decided one it re-opens, and that one names it back. */
  reopenOf?: string;
  reopenedAs?: string;
  /** The photos filed with it, checked before it was created (absent: none). */
  photos?: StoredAttachment[];
  /** Incremented by every state change; each change is conditional on the version it read. */
  version: number;
}

/** One entry of the complaint's append-only audit log; `seq` is the version it produced. */
export interface ComplaintEventRecord {
  complaintId: string;
  seq: number;
  type: ComplaintEventType;
  at: string;
  actorId: string;
  actorName: string;
  note: string | null;
  limitDays?: 30 | 60;
  fromBranchPath?: string;
  toBranchPath?: string;
  clocks?: ClockName[];
}

/**
 * The decision letter's outbox entry, written with the `decided` event: pending until the
 * consumer has issued the letter into the complainant's 我的信函.
 */
export interface DecisionLetterEntry {
  complaintId: string;
  customerId: string;
  policyNo: string;
  /** The decided complaint as it stood (category, receipt) and the decision's event. */
  category: ComplaintRecord['category'];
  receivedAt: string;
  decidedAt: string;
  decision: string;
  status: 'pending' | 'issued';
  letterId: string | null;
  attempts: number;
}

/** In-force policies per branch path (the branch itself, not its subtree), as counted at `countedAt`. */
export interface PolicyCountSnapshot {
  countedAt: string;
  counts: Record<string, number>;
}

export interface ComplaintStore {
  /**
   * Creates the complaint with its `received` event; false when the reference number is taken, or
   * when `sourceKey` (the idempotency key of a complaint another context asks for, such as a
   * callback's disputed sale) already opened one — `getBySource` then names it.
   */
  create(complaint: ComplaintRecord, event: ComplaintEventRecord, sourceKey?: string): Promise<boolean>;
  /** The complaint opened for `sourceKey`, if any. */
  getBySource(sourceKey: string): Promise<string | null>;
  get(complaintId: string): Promise<ComplaintRecord | null>;
  events(complaintId: string): Promise<ComplaintEventRecord[]>;
  /** A customer's complaints, newest first. */
  listByCustomer(customerId: string): Promise<ComplaintRecord[]>;
  /** Open (undecided) complaints handled in a branch subtree, oldest first; '' = every branch. */
  listOpen(handlingBranchPrefix: string): Promise<ComplaintRecord[]>;
  /**
   * Every open complaint, a page at a time in no particular order: the escalation job's walk,
   * which holds one page in memory however many complaints are open.
   */
  openPages(): AsyncIterable<ComplaintRecord[]>;
  /**
   * Writes the complaint's next state and its audit event in one transaction, only if the stored
   * complaint is still at `next.version - 1`; null when another change came first. A `decided`
   * event enqueues the decision letter (its outbox entry) in the same transaction; a voice item (a
   * rating that is voice) is put with its announcement entry in it too.
   */
  transition(
    next: ComplaintRecord,
    event: ComplaintEventRecord,
    voiceItem?: VoiceItemRecord | null,
  ): Promise<ComplaintRecord | null>;
  /**
   * Re-opens a decided complaint as a new one, in one transaction: the decided complaint's next
   * state and `reopened` event (conditional on its version), the new complaint and its `received`
   * event (conditional on its number being new). False when either condition fails.
   */
  reopen(
    decided: { next: ComplaintRecord; event: ComplaintEventRecord },
    created: { complaint: ComplaintRecord; event: ComplaintEventRecord },
  ): Promise<boolean>;
  /**
   * The complaints received in `[fromMs, toMs)` whose policy's branch path begins with
   * `branchPrefix` ('' = every branch), oldest first: the report (the subtree rule is the caller's).
   */
  listReceivedBetween(fromMs: number, toMs: number, branchPrefix: string): Promise<ComplaintRecord[]>;
  /** The last count of in-force policies per branch; null when never counted. */
  policyCounts(): Promise<PolicyCountSnapshot | null>;
  /**
   * Counts the in-force policies per branch (a paged Scan of the policies: an admin command, never
   * a request path) and keeps the count as the snapshot the report reads.
   */
  countPolicies(at: string): Promise<PolicyCountSnapshot>;
  /** The decision letter's entry of a decided complaint; null before the decision. */
  decisionLetter(complaintId: string): Promise<DecisionLetterEntry | null>;
  /** Decision letters still to issue, oldest decision first. */
  listPendingDecisionLetters(limit: number): Promise<DecisionLetterEntry[]>;
  /** Records the issued letter and takes the entry off the pending index; false if already taken. */
  markDecisionLetterIssued(complaintId: string, letterId: string, at: number): Promise<boolean>;
  /** Counts a failed attempt on a still-pending entry (conditional: a taken entry is left alone). */
  recordDecisionLetterFailure(complaintId: string, reason: string): Promise<void>;
}
