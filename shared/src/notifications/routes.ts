import { type RouteSpec, responds } from '../api/route-spec';
import {
  type MessageListResponseSchema,
  type MessageSchema,
  ReadAllMessagesRequestSchema,
  type ReadAllMessagesResponseSchema,
  type UnreadCountResponseSchema,
} from './schemas';

/** The message centre (消息中心): the signed-in customer's own notifications. */
export const notificationRoutes = {
  listMyMessages: {
    method: 'GET',
    path: '/me/messages',
    auth: 'user',
    response: responds<typeof MessageListResponseSchema>(),
  },
  getMyUnreadMessageCount: {
    method: 'GET',
    path: '/me/messages/unread-count',
    auth: 'user',
    response: responds<typeof UnreadCountResponseSchema>(),
  },
  readMyMessage: {
    method: 'POST',
    path: '/me/messages/{messageId}/read',
    auth: 'user',
    response: responds<typeof MessageSchema>(),
  },
  readAllMyMessages: {
    method: 'POST',
    path: '/me/messages/read-all',
    auth: 'user',
    request: ReadAllMessagesRequestSchema,
    response: responds<typeof ReadAllMessagesResponseSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
