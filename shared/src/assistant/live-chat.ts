import * as z from 'zod/mini';
import { HANDOFF_STATUSES, HandoffIdSchema, HandoffMessageSchema } from './handoff';

/**
 * Live chat over WebSocket (the API Gateway WebSocket API, and the local gateway's stand-in).
 *
 * - Connect to the live-chat URL with `?token=<access token>`; a missing or invalid token is refused
 *   at the handshake (401).
 * - Send `{"action":"subscribe","handoffId":…,"after":<last contiguous seq seen>}`: the server
 *   registers the connection for that handoff FIRST, then replays every message after `after`, so a
 *   message sent meanwhile arrives by push, by replay, or both — never neither. Clients merge by
 *   `seq`, which removes the duplicates.
 * - Messages are still sent over HTTP (`POST /assistant/handoffs/{id}/messages`): its 201 with the
 *   stored seq is the acknowledgement, and the polling route stays the fallback when no socket opens.
 */

/**
 * The route keys of the WebSocket API, as declared in serverless.yml (checked by a deployment test);
 * `listenVoice` is the customer-voice stream's (shared/src/voice/schemas.ts); `listenHandoff` and
 * `leaveHandoff` its executives' listen-in on a handoff chat (shared/src/voice/listen-in.ts).
 */
export const LIVE_CHAT_ROUTES = [
  '$connect',
  '$disconnect',
  'subscribe',
  'listenVoice',
  'listenHandoff',
  'leaveHandoff',
] as const;

export const SubscribeFrameSchema = z.object({
  action: z.literal('subscribe'),
  handoffId: HandoffIdSchema,
  after: z._default(z.int().check(z.minimum(0, '参数 after 应为非负整数')), 0),
});
export type SubscribeFrame = z.infer<typeof SubscribeFrameSchema>;

/** What the server pushes. */
export const LiveChatServerFrameSchema = z.discriminatedUnion('type', [
  // The replay after a subscribe: the handoff's state and the messages after `after`, in order.
  z.object({
    type: z.literal('messages'),
    handoffId: z.string(),
    status: z.enum(HANDOFF_STATUSES),
    claimedByName: z.nullable(z.string()),
    messages: z.array(HandoffMessageSchema),
  }),
  // One new message, pushed to every subscribed connection of both parties.
  z.object({ type: z.literal('message'), handoffId: z.string(), message: HandoffMessageSchema }),
  // Claimed or closed.
  z.object({
    type: z.literal('status'),
    handoffId: z.string(),
    status: z.enum(HANDOFF_STATUSES),
    claimedByName: z.nullable(z.string()),
  }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type LiveChatServerFrame = z.infer<typeof LiveChatServerFrameSchema>;
