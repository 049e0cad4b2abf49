import * as z from 'zod/mini';
import { INTENTS } from './intents';

/**
 * Handoff to a person (转人工): the conversation goes to the staff queue of the customer's branch
 * with its transcript, the detected intent and the verified identity; staff claim it, chat (the
 * mini program polls for new messages) and close it with a summary.
 */
export const HANDOFF_STATUSES = ['queued', 'claimed', 'closed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
/** `live`: asked within service hours, a person chats now; `message`: left outside them (留言), answered later. */
export const HANDOFF_MODES = ['live', 'message'] as const;
export type HandoffMode = (typeof HANDOFF_MODES)[number];

/* @__NO_SIDE_EFFECTS__ */
const text = (max: number, empty: string) =>
  z.string().check(z.trim(), z.minLength(1, empty), z.maxLength(max, `内容请控制在 ${max} 字以内`));

export const RequestHandoffRequestSchema = z.object({
  conversationId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '会话编号格式不正确')),
});

export const HandoffIdSchema = z.string().check(z.regex(/^[0-9a-f-]{36}$/, '人工服务编号格式不正确'));
export const HandoffPathSchema = z.object({ handoffId: HandoffIdSchema });

export const HandoffMessageSchema = z.object({
  seq: z.int(),
  from: z.enum(['customer', 'staff']),
  text: z.string(),
  at: z.string(),
});
export type HandoffMessage = z.infer<typeof HandoffMessageSchema>;

export const HandoffSchema = z.object({
  handoffId: z.string(),
  status: z.enum(HANDOFF_STATUSES),
  mode: z.enum(HANDOFF_MODES),
  /** 「每日 08:00–22:00」: when people staff the live chat. */
  serviceHours: z.string(),
  customerName: z.string(),
  /** The identity was verified when the customer bound their WeChat account (SMS to the phone on record). */
  identityVerified: z.boolean(),
  /** The verified identity for staff (masked): no need to ask the customer for it again. */
  idNumberMasked: z.nullable(z.string()),
  phoneMasked: z.nullable(z.string()),
  intent: z.nullable(z.enum(INTENTS)),
  intentName: z.nullable(z.string()),
  createdAt: z.string(),
  claimedByName: z.nullable(z.string()),
  /** Whether the caller is the staff member who claimed it (who may reply and close). */
  claimedByMe: z.boolean(),
  summary: z.nullable(z.string()),
  /** The conversation with the assistant before the handoff (customer texts masked). */
  transcript: z.array(z.object({ seq: z.int(), text: z.string(), intentName: z.string() })),
});
export type Handoff = z.infer<typeof HandoffSchema>;

export const HandoffQueueResponseSchema = z.object({ handoffs: z.array(HandoffSchema) });

export const SendHandoffMessageRequestSchema = z.object({ text: text(500, '请输入消息内容') });
export const CloseHandoffRequestSchema = z.object({ summary: text(500, '请填写服务小结') });

export const HandoffMessagesResponseSchema = z.object({
  status: z.enum(HANDOFF_STATUSES),
  claimedByName: z.nullable(z.string()),
  /** While queued: how many handoffs of the same queue wait ahead of this one; otherwise null. */
  queuedAhead: z.nullable(z.int()),
  /** Messages with a seq above the `after` query parameter, in order. */
  messages: z.array(HandoffMessageSchema),
});

/** The customer's latest handoff (last 7 days), so the 客服 tab resumes it or shows the answer to a message. */
export const LatestHandoffResponseSchema = z.object({
  handoff: z.nullable(
    z.object({
      handoffId: z.string(),
      status: z.enum(HANDOFF_STATUSES),
      mode: z.enum(HANDOFF_MODES),
      claimedByName: z.nullable(z.string()),
      /** The last message's seq: newer than what the phone has seen = something to show. */
      lastSeq: z.int(),
    }),
  ),
});
