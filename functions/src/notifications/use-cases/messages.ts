import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import {
  CHANNEL_OUTCOME_LABELS,
  type MessageRecord,
  type MessageSubject,
  PUSH_CHANNEL_LABELS,
} from '@zhixiang/shared/notifications/model';
import {
  MESSAGE_PAGE_SIZE,
  type Message,
  type MessageListResponse,
  type ReadAllMessagesResponse,
} from '@zhixiang/shared/notifications/schemas';
import type { MessageStore } from '@zhixiang/shared/ports/notifications';

export const MESSAGES_ONLY_FOR_CUSTOMERS = '消息中心仅供客户本人查看';
export const MESSAGE_NOT_FOUND = '消息不存在或已删除';

export interface MessageCentreDeps {
  messages: Pick<MessageStore, 'list' | 'unreadCount' | 'markRead' | 'markAllRead'>;
  now: () => number;
}

/** The signed-in customer (their id, or null before they bound an identity); anyone else 403. */
function customerOf(claims: AccessClaims): string | null {
  if (claims.role !== 'customer') throw new AppError('FORBIDDEN', MESSAGES_ONLY_FOR_CUSTOMERS);
  return claims.customerId ?? null;
}

/** 消息中心: the customer's own messages, newest first, a page at a time, with the unread count. */
export async function listMyMessages(
  deps: MessageCentreDeps,
  claims: AccessClaims,
  query: { before?: string | undefined; limit?: string | undefined },
): Promise<MessageListResponse> {
  const customerId = customerOf(claims);
  if (!customerId) return { messages: [], nextCursor: null, unread: 0 };
  const [page, unread] = await Promise.all([
    deps.messages.list(
      customerId,
      query.limit ? Number(query.limit) : MESSAGE_PAGE_SIZE,
      query.before ?? null,
    ),
    deps.messages.unreadCount(customerId),
  ]);
  return { messages: page.messages.map(messageView), nextCursor: page.nextCursor, unread };
}

/** The badge: how many of the customer's messages are unread. */
export async function getMyUnreadMessageCount(
  deps: MessageCentreDeps,
  claims: AccessClaims,
): Promise<{ unread: number }> {
  const customerId = customerOf(claims);
  return { unread: customerId ? await deps.messages.unreadCount(customerId) : 0 };
}

/** Opens one message: read from now on. Another customer's answers like one that does not exist. */
export async function readMyMessage(
  deps: MessageCentreDeps,
  claims: AccessClaims,
  messageId: string,
): Promise<Message> {
  const customerId = customerOf(claims);
  const message = customerId ? await deps.messages.markRead(customerId, messageId, deps.now()) : null;
  if (!message) throw new AppError('NOT_FOUND', MESSAGE_NOT_FOUND);
  return messageView(message);
}

/** 全部已读, or the messages of one subject (its page was opened: the result was seen). */
export async function readAllMyMessages(
  deps: MessageCentreDeps,
  claims: AccessClaims,
  subject: MessageSubject | undefined,
): Promise<ReadAllMessagesResponse> {
  const customerId = customerOf(claims);
  if (!customerId) return { marked: 0, unread: 0 };
  const marked = await deps.messages.markAllRead(customerId, deps.now(), subject);
  return { marked, unread: await deps.messages.unreadCount(customerId) };
}

/** A message as the customer reads it: each channel tried and how it ended, in Chinese. */
export function messageView(message: MessageRecord): Message {
  const sent = message.attempts.find((attempt) => attempt.outcome === 'sent');
  const delivery = sent
    ? `已通过${PUSH_CHANNEL_LABELS[sent.channel]}发送`
    : message.status === 'sending'
      ? '正在发送'
      : message.status === 'failed'
        ? '推送失败，稍后重试；可在消息中心查看'
        : message.status === 'unknown'
          ? '推送结果未知；可在消息中心查看'
          : '仅在消息中心';
  return {
    messageId: message.messageId,
    kind: message.kind,
    title: message.title,
    text: message.text,
    subject: message.subject,
    channels: message.attempts.map((attempt) => ({
      channel: attempt.channel,
      channelName: PUSH_CHANNEL_LABELS[attempt.channel],
      outcome: attempt.outcome,
      outcomeName: CHANNEL_OUTCOME_LABELS[attempt.outcome],
    })),
    delivery,
    sentAt: new Date(message.sentAt ?? message.createdAt).toISOString(),
    read: message.readAt !== null,
  };
}
