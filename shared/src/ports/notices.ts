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

export const FUNNEL_STAGES = ['eligible', 'reachable', 'accepted', 'delivered', 'opened', 'failed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export type NoticeStatus = 'claimed' | 'sent' | 'failed' | 'unreachable';

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

export interface NoticeOutcome {
  status: Exclude<NoticeStatus, 'claimed'>;
  channel: NoticeChannel | null;
  attempts: number;
  letterId: string | null;
  failureReason: string | null;
  at: number;
}

/** An immediate notice (debit result) that arrived in quiet hours: sent by the next run after `until`. */
export interface DeferredNotice {
  until: number;
  amountCents: number;
  nextDueDate: string | null;
  failureReason: string | null;
  day: string;
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
   * The conditional write before any send: true for the one caller that created the notice's
   * record, false for every repeated or concurrent run.
   */
  claim(key: NoticeKey, customerId: string, at: number, deferred?: DeferredNotice): Promise<boolean>;
  /** Claimed notices held back by quiet hours whose time has come (sparse index, oldest first). */
  listDeferred(now: number): Promise<(NoticeKey & { customerId: string; deferred: DeferredNotice })[]>;
  /** Takes a deferred notice off the index (conditional): true for the one run that will send it. */
  takeDeferred(key: NoticeKey): Promise<boolean>;
  complete(key: NoticeKey, outcome: NoticeOutcome): Promise<void>;
  /** Which of these notices exist already (batched reads): the job skips them without a write. */
  existingNotices(keys: readonly NoticeKey[]): Promise<Set<string>>;
  /** A signed debit result's nonce, created only if new (the replay guard). */
  claimBillingNonce(nonce: string, expiresAt: number): Promise<boolean>;
  getNotice(key: NoticeKey): Promise<(NoticeOutcome & { status: NoticeStatus }) | null>;
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
  rememberMessage(msgId: string, ref: FunnelRef, expiresAt: number): Promise<void>;
  messageRef(msgId: string): Promise<FunnelRef | null>;
  /** A pushed event is handled once (WeChat retries pushes): conditional create of its key. */
  claimEvent(eventKey: string, expiresAt: number): Promise<boolean>;
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
