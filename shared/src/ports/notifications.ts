import type { NoticeChannel } from '../letters/model';
import type { Notification } from '../notifications/content';
import type { ChannelAttempt, MessageRecord, MessageStatus, MessageSubject } from '../notifications/model';

/**
 * The notifier: the one way any context tells a customer something. It sends on the customer's
 * channels and records the message in their message centre, once per `sourceKey`.
 */
export interface Notifier {
  notify(
    notification: Notification,
    options?: { channels?: readonly NoticeChannel[] },
  ): Promise<NotifyResult>;
}

export interface NotifyResult {
  messageId: string;
  status: Exclude<MessageStatus, 'sending'>;
  attempts: ChannelAttempt[];
  /** Sends tried, transient retries included. */
  sends: number;
  /** WeChat's msgid of an accepted subscribe message (to match its delivery event). */
  wechatMsgId: string | null;
  /** The message had been delivered before: nothing was sent this time. */
  duplicate: boolean;
}

/** A message about to be sent, as first recorded (status `sending`). */
export type NewMessage = Omit<MessageRecord, 'status' | 'attempts' | 'sentAt' | 'readAt'>;

/**
 * The outcome of claiming a message for sending: `claimed` (this caller sends it: a new message,
 * or one whose last attempt failed), `done` (it was delivered already: send nothing), `busy`
 * (another sender holds it now), `interrupted` (a sender claimed it and stopped before recording
 * the outcome: this caller now holds it, must not send again, and records the outcome unknown).
 */
export type MessageClaim =
  | { kind: 'claimed'; message: MessageRecord; lease: string }
  | { kind: 'done'; message: MessageRecord }
  | { kind: 'busy' }
  | { kind: 'interrupted'; message: MessageRecord; lease: string };

export interface MessageStore {
  /** Conditional create (or take-over of a failed or interrupted one) under a lease of `leaseMs`. */
  claim(message: NewMessage, now: number, leaseMs: number): Promise<MessageClaim>;
  /** Records the outcome, only while `lease` holds the message: false when it was lost. */
  settle(
    messageId: string,
    lease: string,
    outcome: { status: Exclude<MessageStatus, 'sending'>; attempts: ChannelAttempt[]; sentAt: number | null },
  ): Promise<boolean>;
  /** The customer's messages, newest first, a page at a time. */
  list(
    customerId: string,
    limit: number,
    before: string | null,
  ): Promise<{ messages: MessageRecord[]; nextCursor: string | null }>;
  unreadCount(customerId: string): Promise<number>;
  /** The customer's unread messages, newest first (at most `limit`). */
  listUnread(customerId: string, limit: number): Promise<MessageRecord[]>;
  /** Marks one of the customer's messages read: null when the customer has no such message. */
  markRead(customerId: string, messageId: string, at: number): Promise<MessageRecord | null>;
  /** Marks the customer's unread messages read (those of `subject` only, when given): how many. */
  markAllRead(customerId: string, at: number, subject?: MessageSubject): Promise<number>;
  get(messageId: string): Promise<MessageRecord | null>;
}
