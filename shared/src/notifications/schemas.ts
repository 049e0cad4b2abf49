import * as z from 'zod/mini';
import { applicationId } from '../endorsement/application';
import { eventId } from '../events/schemas';
import { letterId } from '../letters/schemas';
import { CHANNEL_OUTCOMES, NOTIFICATION_KINDS, PUSH_CHANNELS } from './model';

/** The message centre's (消息中心) API contract. */

export const messageId = z.string().check(z.regex(/^[0-9a-f]{24}$/, '消息编号格式不正确'));
export const MessagePathSchema = z.object({ messageId });

/** A page of the list: `before` is the previous page's `nextCursor`. */
export const MESSAGE_PAGE_SIZE = 20;
export const MessageListQuerySchema = z.object({
  before: z.optional(z.string().check(z.regex(/^\d{14}#[0-9a-f]{24}$/, '分页参数格式不正确'))),
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-4]\d|50)$/, '每页条数须为 1–50 的整数'))),
});

export const MessageSubjectSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('application'), applicationId }),
    z.object({ kind: z.literal('letter'), letterId }),
    z.object({ kind: z.literal('event_registration'), eventId }),
  ],
  '消息主题应为申请、信函或活动报名',
);

export const MessageSchema = z.object({
  messageId: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  text: z.string(),
  subject: MessageSubjectSchema,
  /** Each push channel tried and how it ended (Chinese labels beside the codes). */
  channels: z.array(
    z.object({
      channel: z.enum(PUSH_CHANNELS),
      channelName: z.string(),
      outcome: z.enum(CHANNEL_OUTCOMES),
      outcomeName: z.string(),
    }),
  ),
  /** One line for the list: 「已通过微信订阅消息发送」, 「仅在消息中心」… */
  delivery: z.string(),
  /** ISO time: when a channel accepted it, else when it was recorded. */
  sentAt: z.string(),
  read: z.boolean(),
});
export type Message = z.infer<typeof MessageSchema>;

export const MessageListResponseSchema = z.object({
  messages: z.array(MessageSchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: z.nullable(z.string()),
  unread: z.number(),
});
export type MessageListResponse = z.infer<typeof MessageListResponseSchema>;

export const UnreadCountResponseSchema = z.object({ unread: z.number() });
export type UnreadCountResponse = z.infer<typeof UnreadCountResponseSchema>;

/** Marks every unread message read, or those of one subject (the application page opened). */
export const ReadAllMessagesRequestSchema = z.strictObject({
  subject: z.optional(MessageSubjectSchema),
});
export const ReadAllMessagesResponseSchema = z.object({ marked: z.number(), unread: z.number() });
export type ReadAllMessagesResponse = z.infer<typeof ReadAllMessagesResponseSchema>;
