import type { NoticeChannel } from '../letters/model';
import type { NoticeType } from '../notices/due-notices';
import type { NoticePreferenceRecord } from '../notices/preferences';
import type { PolicyRecord } from '../policy/model';

/** Renewal notices storage and delivery. Access patterns: docs/dynamodb-access-patterns.md (Renewal notices). */

/** What a pre-debit notice needs of a policy (its premium falling due; nothing decrypted). */
export type NoticePremium = Pick<
  PolicyRecord,
  'policyNo' | 'holderId' | 'status' | 'premiumCents' | 'nextDueDate'
>;

/**
 * One entry of the notify-on index: a policy's next pre-debit notice at the minute it falls due
 * (`preDebitNotifyAt`), with the holder's preference that applied when it was keyed, so the hourly
 * run reads nothing else.
 */
export interface NotifyOnEntry {
  policyNo: string;
  customerId: string;
  dueDate: string;
  premiumCents: number;
  notifyAt: number;
  preference: NoticePreferenceRecord;
}

/** A pre-debit notice the hourly run claims. */
export interface PreDebitClaim {
  key: NoticeKey;
  customerId: string;
  payload: NoticePayload;
}

/**
 * The notify-on index (docs/e-letters-and-notices.md): one entry per policy with a premium to
 * come, keyed by the Shanghai day and minute its pre-debit notice falls due. Every writer that can
 * move that time re-keys the policy's entry: a preference change (all the holder's policies), a
 * debit result moving the due date, seeding and policy imports.
 */
export interface NotifyOnIndex {
  /**
   * Re-keys these policies' entries from their due date and their holder's preference (one
   * batched read of the preferences); removes the entry of a policy with no notice to come.
   */
  refreshPolicies(policies: readonly NoticePremium[], at: number): Promise<void>;
  /** Re-keys the entries of every policy the customer holds (after a preference change). */
  refreshCustomer(customerId: string, at: number): Promise<void>;
  /** The entries whose time lies in these ranges (`notifyOnRanges`), a page at a time. */
  entryPages(
    ranges: readonly { day: string; after: string | null; upTo: string | null }[],
  ): AsyncIterable<NotifyOnEntry[]>;
  /** The clock of the last completed run (the watermark), null before the first. */
  coveredUntil(): Promise<number | null>;
  /** Moves the watermark to `now`, never backwards (a slower concurrent run leaves it). */
  markCovered(now: number): Promise<void>;
}

/**
 * The funnel row a notice counts in: the day it became due, its type, the channel used (or none),
 * and the customer's branch path, so staff read the rows of their own branch subtree (rows counted
 * before branches were kept have none and count company-wide only).
 */
export interface FunnelRef {
  day: string;
  noticeType: NoticeType;
  channel: NoticeChannel | 'none';
  branchPath?: string;
}

/** A WeChat message sent for a notice: its funnel row and its letter (null in messages sent before letters were kept). */
export interface SentMessage {
  ref: FunnelRef;
  letterId: string | null;
}

export const FUNNEL_STAGES = ['eligible', 'reachable', 'accepted', 'delivered', 'opened', 'failed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * A notice's state in the notice outbox: `pending` (waiting for its time: quiet hours), `sending`
 * (one deliverer holds it under a lease), then `sent` or `unreachable` (final), or `failed` —
 * retried at its next attempt time, or final once the attempts are spent.
 */
export type NoticeStatus = 'pending' | 'sending' | 'sent' | 'unreachable' | 'failed';

/** One notice per (policy, due date, notice type): the dedupe key of "exactly once". */
export interface NoticeKey {
  policyNo: string;
  dueDate: string;
  noticeType: NoticeType;
}

/** What one delivery did: the message's outcome on the customer's channels. */
export interface NoticeOutcome {
  status: 'sent' | 'failed' | 'unreachable';
  channel: NoticeChannel | null;
  /** Sends tried on the channels (transient failures are retried within one delivery). */
  attempts: number;
  letterId: string | null;
  failureReason: string | null;
  at: number;
}

/** What delivering a notice needs besides the policy (read when it is delivered). */
export interface NoticePayload {
  amountCents: number;
  /** The due date after a debit success (shown in its letter). */
  nextDueDate: string | null;
  /** The billing system's reason for a failed debit. */
  failureReason: string | null;
  /** The funnel day (Shanghai date the notice became due). */
  day: string;
}

/** An outbox entry held by one deliverer (its lease); only that deliverer may settle it. */
export interface LeasedNotice extends NoticeKey {
  customerId: string;
  payload: NoticePayload;
  /** When the notice was recorded: its letter's issue time, the same on every attempt. */
  createdAt: number;
  /** Delivery attempts started, this one included. */
  attempts: number;
  lease: string;
}

/** How a delivery attempt ends: final (no `retryAt`), or due again at `retryAt`. */
export interface NoticeSettlement {
  status: Exclude<NoticeStatus, 'sending'>;
  channel: NoticeChannel | null;
  letterId: string | null;
  /** Sends tried on the channels by this attempt. */
  sendAttempts: number;
  lastError: string | null;
  at: number;
  retryAt: number | null;
}

/** A notice's record as stored (the outbox entry). */
export interface NoticeRecord {
  status: NoticeStatus;
  channel: NoticeChannel | null;
  attempts: number;
  letterId: string | null;
  lastError: string | null;
  nextAttemptAt: number | null;
  at: number;
}

export interface NoticeStore {
  listPreferences(customerId: string): Promise<NoticePreferenceRecord[]>;
  putPreference(preference: NoticePreferenceRecord): Promise<void>;
  /**
   * Records a notice in the outbox with a conditional create and leases it to the caller for its
   * first attempt at once: the lease for the one caller that created it, null for every repeated
   * or concurrent one. Until the lease ends (a crash) the entry is due again at `at + leaseMs`.
   */
  claim(
    key: NoticeKey,
    customerId: string,
    payload: NoticePayload,
    at: number,
    leaseMs: number,
  ): Promise<LeasedNotice | null>;
  /**
   * The hourly run's claims in batches (TransactWriteItems of 100): each notice's conditional
   * create, leased to the caller as `claim` does. Returns the notices this caller now holds; a
   * notice recorded already is left out.
   */
  claimMany(claims: readonly PreDebitClaim[], at: number, leaseMs: number): Promise<LeasedNotice[]>;
  /** Records a notice that waits until `until` (quiet hours): false when it exists already. */
  defer(
    key: NoticeKey,
    customerId: string,
    payload: NoticePayload,
    at: number,
    until: number,
  ): Promise<boolean>;
  /** Keys of the entries due at `now` (pending, failed with a retry, or a lease run out), oldest first. */
  listDue(now: number, limit: number): Promise<NoticeKey[]>;
  /** Leases a due entry (conditional): null when it is not due or another deliverer took it. */
  take(key: NoticeKey, now: number, leaseMs: number): Promise<LeasedNotice | null>;
  /** Ends an attempt, only while `lease` still holds it: false when the lease was lost. */
  settle(key: NoticeKey, lease: string, settlement: NoticeSettlement): Promise<boolean>;
  /** A signed debit result's nonce, created only if new (the replay guard). */
  claimBillingNonce(nonce: string, expiresAt: number): Promise<boolean>;
  getNotice(key: NoticeKey): Promise<NoticeRecord | null>;
  /** Adds to the day's funnel counters (UpdateItem ADD; concurrent runs add, never overwrite). */
  countFunnel(ref: FunnelRef, stages: readonly FunnelStage[]): Promise<void>;
  /**
   * Funnel rows of the days from..to (≤ 31 days), one per day × type × channel: summed over the
   * branches at or below `subtree`, or over the whole company when it is null.
   */
  readFunnel(
    from: string,
    to: string,
    subtree: string | null,
  ): Promise<(Omit<FunnelRef, 'branchPath'> & Record<FunnelStage, number>)[]>;
}

/** WeChat subscribe-message credits per (openid, template), and sent messages by msgid. */
export interface SubscribeCreditLedger {
  add(openid: string, templateId: string, credits: number, at: number): Promise<void>;
  /** Spends one credit if there is one (conditional update); false otherwise. */
  spend(openid: string, templateId: string, at: number): Promise<boolean>;
  /** WeChat says there is none (43101) or the user turned the template off. */
  clear(openid: string, templateId: string, at: number): Promise<void>;
  balances(openid: string): Promise<Record<string, number>>;
  /** A sent message's funnel row and the letter it announced (for its delivery event). */
  rememberMessage(msgId: string, message: SentMessage, expiresAt: number): Promise<void>;
  messageRef(msgId: string): Promise<SentMessage | null>;
  /** A pushed event is handled once (WeChat retries pushes): conditional create of its key. */
  claimEvent(eventKey: string, expiresAt: number): Promise<boolean>;
  /** Gives a claimed key back (its handling failed and may be retried). */
  releaseEvent(eventKey: string): Promise<void>;
}

/** WeChat subscribeMessage.send: the result the delivery logic needs. */
export type SubscribeSendResult =
  | { status: 'accepted'; msgId: string }
  | { status: 'no_credit' }
  | { status: 'refused'; errcode: number; errmsg: string };

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface SubscribeMessageSender {
  send(message: SubscribeMessage): Promise<SubscribeSendResult>;
}

/** errcode 43101: the user has no send credit left for this template (did not accept, or spent). */
export const NO_CREDIT_ERRCODE = 43101;
/** errcode 47003: a field value breaks its template type — a bug in our data, never the user's. */
export const BAD_FIELD_ERRCODE = 47003;
