import * as z from 'zod/mini';
import { ProductCodeSchema } from '../product/catalogue';
import { HANDOFF_MODES } from './handoff';
import { INTENTS } from './intents';
import { ASSISTANT_FLOWS } from './knowledge';

/**
 * The chat contract (`POST /assistant/messages`): a customer's message or a tapped
 * button in, the assistant's reply with buttons out. Works signed in (answers with the customer's
 * own figures) and signed out (general answers and a sign-in offer).
 */
export const MAX_MESSAGE_CHARS = 200;

const policyNo = z.string().check(z.regex(/^[0-9A-Za-z]{6,32}$/, '保单号格式不正确'));

export const SendAssistantMessageRequestSchema = z.object({
  /** Absent on the first message; the reply says which conversation to continue. */
  conversationId: z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/, '会话编号格式不正确'))),
  /** What the customer typed, or the label of the button they tapped (shown in the transcript). */
  text: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, '请输入您的问题'),
      z.maxLength(MAX_MESSAGE_CHARS, `问题请控制在 ${MAX_MESSAGE_CHARS} 字以内`),
    ),
  /** A tapped clarification button: the intent the customer chose. */
  intent: z.optional(z.enum(INTENTS)),
  /** A tapped policy button: the policy the customer chose. */
  policyNo: z.optional(policyNo),
  /** The product the customer came from (问问小智 on a product page): questions are about it. */
  productCode: z.optional(ProductCodeSchema),
});
export type SendAssistantMessageRequest = z.infer<typeof SendAssistantMessageRequestSchema>;

/** What a button does: send a reply to the assistant, or open a self-service flow. */
export const AssistantButtonSchema = z.object({
  label: z.string(),
  action: z.union([
    z.object({
      type: z.literal('reply'),
      intent: z.optional(z.enum(INTENTS)),
      policyNo: z.optional(z.string()),
    }),
    z.object({
      type: z.literal('open'),
      flow: z.enum(ASSISTANT_FLOWS),
      policyNo: z.optional(z.string()),
    }),
  ]),
});
export type AssistantButton = z.infer<typeof AssistantButtonSchema>;

export const ASSISTANT_REPLY_KINDS = [
  /** A knowledge base answer, with the customer's figures when signed in. */
  'answer',
  /** "您是想问…还是…？" with one button per intent. */
  'clarify',
  /** Several policies fit: which one? One button per policy. */
  'choose_policy',
  /** The question needs the customer's records: sign in (or bind the identity) first. */
  'sign_in_needed',
  /** Greeting or polite refusal with what the assistant can do. */
  'smalltalk',
  'out_of_scope',
] as const;

export const AssistantReplySchema = z.object({
  conversationId: z.string(),
  /** The turn's number in the conversation: 👍/👎 refer to it. */
  turn: z.int(),
  kind: z.enum(ASSISTANT_REPLY_KINDS),
  /** Paragraphs of the reply, in order (figures first, then the general answer). */
  text: z.array(z.string()),
  intent: z.enum(INTENTS),
  confidence: z.number(),
  /** The knowledge base entry answered from, for feedback and the staff report. */
  answerId: z.nullable(z.string()),
  buttons: z.array(AssistantButtonSchema),
  /**
   * Set when the assistant handed the conversation to a person by itself (a second miss in a row,
   * or a complaint in anger): the 客服 tab switches to the live chat (or to leaving a message).
   */
  handoff: z.optional(
    z.object({ handoffId: z.string(), mode: z.enum(HANDOFF_MODES), serviceHours: z.string() }),
  ),
});
export type AssistantReply = z.infer<typeof AssistantReplySchema>;

/** 👍/👎 on one answer, for the knowledge base's improvement. */
export const RateAssistantAnswerRequestSchema = z.object({
  conversationId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, '会话编号格式不正确')),
  turn: z.int().check(z.positive('回答编号不正确')),
  rating: z.enum(['up', 'down'], '评价只能是有用或没用'),
});
