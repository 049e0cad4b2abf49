import type { RouteSpec } from '../api/route-spec';
import {
  MessageListResponseSchema,
  MessageSchema,
  ReadAllMessagesRequestSchema,
  ReadAllMessagesResponseSchema,
  UnreadCountResponseSchema,
} from './schemas';

/** The message centre (消息中心): the signed-in customer's own notifications. */
export const notificationRoutes = {
  listMyMessages: { method: 'GET', path: '/me/messages', auth: 'user', response: MessageListResponseSchema },
  getMyUnreadMessageCount: {
    method: 'GET',
    path: '/me/messages/unread-count',
    auth: 'user',
    response: UnreadCountResponseSchema,
  },
  readMyMessage: {
    method: 'POST',
    path: '/me/messages/{messageId}/read',
    auth: 'user',
    response: MessageSchema,
  },
  readAllMyMessages: {
    method: 'POST',
    path: '/me/messages/read-all',
    auth: 'user',
    request: ReadAllMessagesRequestSchema,
    response: ReadAllMessagesResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
