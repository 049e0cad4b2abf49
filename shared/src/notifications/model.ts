import type { NoticeChannel } from '../letters/model';

/**
 * Customer notifications and the message centre (消息中心): every notification the system sends a
 * customer goes through one notifier, which sends it on the customer's channels (WeChat subscribe
 * message first, SMS as the fallback) and records it as one message in the customer's message
 * centre with the outcome of each channel tried, its read state and a link to its subject.
 */

/** What a message is about. */
export const NOTIFICATION_KINDS = [
  'application_approved',
  'application_rejected',
  'payment_received',
  'payment_expired',
  'debit_requested',
  'debit_failed',
  'payout_paid',
  'payout_failed',
  'renewal_notice',
  'event_offer',
  'event_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Results of a customer's application: the kinds the "results not yet seen" to-do follows. */
export const APPLICATION_RESULT_KINDS: readonly NotificationKind[] = [
  'application_approved',
  'application_rejected',
  'payout_paid',
  'payout_failed',
];

/** The channels a notification is pushed on (the message centre itself always holds it). */
export const PUSH_CHANNELS = ['wechat', 'sms'] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];

/**
 * How one channel's attempt ended. `sent`: the provider accepted it. The rest did not reach the
 * customer on that channel: no WeChat openid, no subscribe consent (no credit, or WeChat's 43101),
 * WeChat refused the message, no mobile number, the provider failed after retries, or the outcome
 * is unknown (the sender stopped between claiming the message and recording the result).
 */
export const CHANNEL_OUTCOMES = [
  'sent',
  'no_openid',
  'no_consent',
  'refused',
  'no_phone',
  'failed',
  'unknown',
] as const;
export type ChannelOutcome = (typeof CHANNEL_OUTCOMES)[number];

export const CHANNEL_OUTCOME_LABELS: Record<ChannelOutcome, string> = {
  sent: '已发送',
  no_openid: '未关联微信',
  no_consent: '未订阅该提醒',
  refused: '微信拒收',
  no_phone: '无手机号',
  failed: '发送失败',
  unknown: '发送结果未知',
};

export const PUSH_CHANNEL_LABELS: Record<PushChannel, string> = {
  wechat: '微信订阅消息',
  sms: '短信',
};

export interface ChannelAttempt {
  channel: PushChannel;
  outcome: ChannelOutcome;
  /** The provider's reason when it failed or refused (shown to no customer; for operators). */
  detail: string | null;
  at: number;
}

/** Where a message leads in the mini program: an application, a letter, or the customer's registration for a club event (the event's page). */
export type MessageSubject =
  | { kind: 'application'; applicationId: string }
  | { kind: 'letter'; letterId: string }
  | { kind: 'event_registration'; eventId: string };

/** A subject's identity: `application:<id>`, `letter:<id>`, `event_registration:<eventId>`. */
export function subjectKey(subject: MessageSubject): string {
  switch (subject.kind) {
    case 'application':
      return `application:${subject.applicationId}`;
    case 'letter':
      return `letter:${subject.letterId}`;
    case 'event_registration':
      return `event_registration:${subject.eventId}`;
  }
}

/**
 * A message's delivery state: `sending` while one sender holds it (a lease), then `sent` (a
 * channel accepted it), `in_app` (no push channel reached the customer: the message centre alone
 * holds it), `failed` (a provider failed after retries: the sender's outbox tries again), or
 * `unknown` (a sender stopped between claiming and recording: never sent twice).
 */
export type MessageStatus = 'sending' | 'sent' | 'in_app' | 'failed' | 'unknown';

export interface MessageRecord {
  messageId: string;
  customerId: string;
  /** The event the message answers (one message per source: the key of exactly once). */
  sourceKey: string;
  kind: NotificationKind;
  title: string;
  /** The short text shown in the list. */
  text: string;
  subject: MessageSubject;
  status: MessageStatus;
  attempts: ChannelAttempt[];
  createdAt: number;
  /** When a channel accepted it; null before (or when none did). */
  sentAt: number | null;
  readAt: number | null;
}

/** The customer's channel preferences as the notifier reads them (renewal-notice preferences). */
export type PreferredChannels = readonly NoticeChannel[];
