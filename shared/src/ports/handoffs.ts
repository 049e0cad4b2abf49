import type { HandoffMode, HandoffStatus } from '../assistant/handoff';
import type { Intent } from '../assistant/intents';

export interface HandoffRecord {
  /** The conversation's id: one handoff per conversation. */
  handoffId: string;
  customerId: string;
  customerName: string;
  /** The customer's branch path: the queue it lands in (staff of this subtree see it). */
  branchPath: string;
  intent: Intent | null;
  status: HandoffStatus;
  mode: HandoffMode;
  createdAt: number;
  claimedBy: string | null;
  claimedByName: string | null;
  summary: string | null;
  closedAt: number | null;
  /** The last message's seq (0 before any). */
  lastSeq: number;
}

export interface HandoffMessageRecord {
  handoffId: string;
  seq: number;
  from: 'customer' | 'staff';
  senderId: string;
  text: string;
  at: number;
}

export interface HandoffStore {
  /** Creates the handoff if the conversation has none; the existing one otherwise. */
  createOrGet(handoff: HandoffRecord): Promise<HandoffRecord>;
  get(handoffId: string): Promise<HandoffRecord | null>;
  /** Open handoffs (queued and claimed) whose branch path starts with `branchPath`, oldest first. */
  listOpen(branchPath: string): Promise<HandoffRecord[]>;
  /**
   * queued → claimed by the staff member at `at` (now when not given), or null when someone else
   * claimed it first.
   */
  claim(handoffId: string, staffId: string, staffName: string, at?: number): Promise<HandoffRecord | null>;
  /** claimed by the staff member → closed with the summary, or null when it was not theirs to close. */
  close(handoffId: string, staffId: string, summary: string, at: number): Promise<HandoffRecord | null>;
  /**
   * The customer goes back to the assistant before anyone took the handoff: queued → closed, a
   * conditional write, so a staff claim at the same moment wins or loses cleanly. Null when it was
   * no longer queued.
   */
  withdraw(handoffId: string, summary: string, at: number): Promise<HandoffRecord | null>;
  /**
   * Appends a message with the next sequence number (an atomic counter on the handoff, refused
   * once it is closed); null when the handoff is closed.
   */
  appendMessage(message: Omit<HandoffMessageRecord, 'seq'>): Promise<HandoffMessageRecord | null>;
  listMessages(handoffId: string, afterSeq: number): Promise<HandoffMessageRecord[]>;
  /** The customer's most recent handoff created at or after `since`, or null. */
  latestOfCustomer(customerId: string, since: number): Promise<HandoffRecord | null>;
  /**
   * Records that the customer was told of the answer to their message; true only for the first
   * caller (a conditional write), so two replies at once send one SMS.
   */
  markCustomerNotified(handoffId: string, at: number): Promise<boolean>;
  /** Undoes markCustomerNotified when the SMS could not be sent, so the next reply tries again. */
  clearCustomerNotified(handoffId: string): Promise<void>;
}
