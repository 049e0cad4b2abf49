import type { NoticeChannel } from '../letters/model';
import type { NoticeType } from '../notices/due-notices';
import type { NoticePreferenceRecord } from '../notices/preferences';
import type { PolicyRecord } from '../policy/model';

/** Renewal notices storage and delivery. Access patterns: docs/dynamodb-access-patterns.md (Renewal notices). */

/** What a notice needs of a premium falling due (read from the due-date index, nothing decrypted). */
export type DuePremium = Pick<
  PolicyRecord,
  'policyNo' | 'holderId' | 'productCode' | 'status' | 'premiumCents' | 'premiumFrequency'
> & { nextDueDate?: string | null };

export interface DuePremiumSource {
  /** The premiums due on a day, a page at a time. */
  duePremiumPages(dueDate: string): AsyncIterable<DuePremium[]>;
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

/** `policyNo#dueDate#noticeType`: a notice's identity in sets and logs. */
export function noticeKeyString(key: NoticeKey): string {
  return `${key.policyNo}#${key.dueDate}#${key.noticeType}`;
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
   * The saved preferences (the customer's `all` and the policy's own) for many policies at once —
   * batched reads, for the scheduler's pages. Keyed by `${customerId}|${scope}`.
   */
  preferencesFor(
    policies: readonly { customerId: string; policyNo: string }[],
  ): Promise<Map<string, NoticePreferenceRecord>>;
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
  /** Which of these notices exist already (batched reads): the job skips them without a write. */
  existingNotices(keys: readonly NoticeKey[]): Promise<Set<string>>;
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
