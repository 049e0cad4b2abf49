import { type RouteSpec, responds } from '../api/route-spec';
import {
  type MessageListResponseSchema,
  type MessageSchema,
  ReadAllMessagesRequestSchema,
  type ReadAllMessagesResponseSchema,
  type UnreadCountResponseSchema,
} from './schemas';

export const listMyMessagesRoute = {
  method: 'GET',
  path: '/me/messages',
  auth: 'user',
  response: responds<typeof MessageListResponseSchema>(),
} as const satisfies RouteSpec;

export const getMyUnreadMessageCountRoute = {
  method: 'GET',
  path: '/me/messages/unread-count',
  auth: 'user',
  response: responds<typeof UnreadCountResponseSchema>(),
} as const satisfies RouteSpec;

export const readMyMessageRoute = {
  method: 'POST',
  path: '/me/messages/{messageId}/read',
  auth: 'user',
  response: responds<typeof MessageSchema>(),
} as const satisfies RouteSpec;

export const readAllMyMessagesRoute = {
  method: 'POST',
  path: '/me/messages/read-all',
  auth: 'user',
  request: ReadAllMessagesRequestSchema,
  response: responds<typeof ReadAllMessagesResponseSchema>(),
} as const satisfies RouteSpec;

/** The message centre (消息中心): the signed-in customer's own notifications. */
export const notificationRoutes = {
  listMyMessages: listMyMessagesRoute,
  getMyUnreadMessageCount: getMyUnreadMessageCountRoute,
  readMyMessage: readMyMessageRoute,
  readAllMyMessages: readAllMyMessagesRoute,
} as const satisfies Record<string, RouteSpec>;
