import type { LetterRecord, LetterSubscriptionRecord, LetterType } from '../letters/model';
import type { FunnelRef, FunnelStage } from './notices';

/** E-letters (电子信函) storage. Access patterns: docs/dynamodb-access-patterns.md (E-letters). */
export interface LetterStore {
  /** Creates the letter; false when one with the same id exists (an event delivered twice). */
  create(letter: LetterRecord): Promise<boolean>;
  get(letterId: string): Promise<(LetterRecord & { funnelRef: FunnelRef | null }) | null>;
  /** The customer's letters, newest first. */
  listByCustomer(customerId: string): Promise<LetterRecord[]>;
  /** Sets readAt once; false when it was already read. */
  markRead(letterId: string, at: number): Promise<boolean>;
  /**
   * Records that the letter reached the customer — WeChat's delivery event, or the first open of
   * its link (`opened`), which implies delivery — each stamped once on the letter, and counts the
   * stages newly reached in the notice's funnel (when `ref` is given) in the same transaction, so
   * a notice counts "delivered" and "opened" once each and never one without the other's stamp.
   * Answers the stages newly reached; none when the letter was opened (or, for a delivery, was
   * delivered) before.
   */
  recordReached(letterId: string, at: number, opened: boolean, ref: FunnelRef | null): Promise<FunnelStage[]>;
  /** The notice that announced this letter, so a link click counts as "opened" in the funnel. */
  attachFunnelRef(letterId: string, ref: FunnelRef): Promise<void>;
  /** Letters of a day still to be printed and mailed (the postal run), in id order. */
  listPaperCopies(issuedDay: string): Promise<LetterRecord[]>;
  /** Company-wide e-letters without a paper copy and their pages: `total` and per `YYYY-MM`. */
  paperSavedTotals(): Promise<{ period: string; letters: number; pages: number }[]>;
}

export interface LetterSubscriptionStore {
  list(customerId: string): Promise<LetterSubscriptionRecord[]>;
  get(customerId: string, letterType: LetterType): Promise<LetterSubscriptionRecord | null>;
  /** Saves the subscription and appends the change to the customer's subscription log (one transaction). */
  put(subscription: LetterSubscriptionRecord): Promise<void>;
}
