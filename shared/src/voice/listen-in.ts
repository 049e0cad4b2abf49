import * as z from 'zod/mini';
import { HANDOFF_STATUSES, HandoffIdSchema, HandoffPathSchema } from '../assistant/handoff';
import { maskName } from '../callback/view';
import type { AgentRepository, CustomerRepository } from '../ports/repositories';
import { redactPersonalText } from '../privacy/mask';

/**
 * Executives' masked listen-in on live handoff chats (高管聆听 · 人工客服旁听): read-only, over the
 * live chat's WebSocket API, with every message masked before it leaves the server.
 */

/** The topic a handoff's listening executives subscribe to (apart from its two parties' own). */
export const listenInTopic = (handoffId: string) => `voicehandoff:${handoffId}`;

/**
 * What the system knows of the people in a handoff chat, to hide wherever the chat writes it: the
 * customer's name (as the handoff has it and as the customer record has it) and their agent's
 * (业务员) name, the customer's address and e-mail on file.
 */
export interface ListenedPeople {
  names: readonly (string | null | undefined)[];
  addresses: readonly (string | null | undefined)[];
  emails: readonly (string | null | undefined)[];
}

/** The handoff's people as the records have them (a record not found adds nothing). */
export async function listenedPeopleOf(
  repositories: { customers: Pick<CustomerRepository, 'get'>; agents: Pick<AgentRepository, 'getCached'> },
  handoff: { customerId: string; customerName: string },
): Promise<ListenedPeople> {
  const customer = await repositories.customers.get(handoff.customerId);
  const agent = customer?.agentId ? await repositories.agents.getCached(customer.agentId) : null;
  return {
    names: [handoff.customerName, customer?.name, agent?.name],
    addresses: [customer?.address],
    emails: [customer?.email],
  };
}

/**
 * A chat message as an executive reads it: every personal datum the shared masker finds (ID,
 * passport and permit numbers, mobile and bank card numbers, e-mail and street addresses:
 * `redactPersonalText`), the known address and e-mail wherever written, and each of the given full
 * names (the customer's, their agent's) shown as surname + *.
 */
export function maskListenedText(
  text: string,
  fullNames: readonly (string | null | undefined)[],
  known: Partial<Pick<ListenedPeople, 'addresses' | 'emails'>> = {},
): string {
  let masked = text;
  // Longest first, so a name containing another (欧阳娜娜, 欧阳) is masked whole.
  const names = fullNames.filter((n): n is string => !!n && [...n].length >= 2);
  for (const name of [...new Set(names)].sort((a, b) => b.length - a.length))
    masked = masked.split(name).join(maskName(name));
  return redactPersonalText(masked, known);
}

export const HANDOFF_STATUS_LABELS: Record<(typeof HANDOFF_STATUSES)[number], string> = {
  queued: '排队中',
  claimed: '服务中',
  closed: '已结束',
};

export const ListenedMessageSchema = z.object({
  seq: z.int(),
  from: z.enum(['customer', 'staff']),
  /** 客户 or the staff member serving (their display name). */
  fromLabel: z.string(),
  /** Masked (`maskListenedText`): no personal number, e-mail or address; names as surname + *. */
  text: z.string(),
  at: z.string(),
});
export type ListenedMessage = z.infer<typeof ListenedMessageSchema>;

/** A live handoff in the executive's subtree, the customer masked. */
export const ListenedHandoffSchema = z.object({
  handoffId: z.string(),
  customerLabel: z.string(),
  status: z.enum(HANDOFF_STATUSES),
  statusLabel: z.string(),
  intentName: z.nullable(z.string()),
  branchName: z.string(),
  createdAt: z.string(),
  claimedByName: z.nullable(z.string()),
});
export type ListenedHandoff = z.infer<typeof ListenedHandoffSchema>;

export const ListenedHandoffsResponseSchema = z.object({ handoffs: z.array(ListenedHandoffSchema) });
export type ListenedHandoffsResponse = z.infer<typeof ListenedHandoffsResponseSchema>;

/** One handoff as the executive reads it: the chat with the assistant before it, then the messages. */
export const ListenedHandoffViewSchema = z.extend(ListenedHandoffSchema, {
  transcript: z.array(z.object({ seq: z.int(), text: z.string() })),
  messages: z.array(ListenedMessageSchema),
});
export type ListenedHandoffView = z.infer<typeof ListenedHandoffViewSchema>;

export const VoiceHandoffPathSchema = HandoffPathSchema;

/** Over the WebSocket API: start listening to a handoff (the messages after `after` are replayed). */
export const ListenHandoffFrameSchema = z.object({
  action: z.literal('listenHandoff'),
  handoffId: HandoffIdSchema,
  after: z._default(z.int('参数 after 应为整数').check(z.minimum(0, '参数 after 应为非负整数')), 0),
});
export type ListenHandoffFrame = z.infer<typeof ListenHandoffFrameSchema>;

/** Over the WebSocket API: stop listening to a handoff (the listening log's session ends). */
export const LeaveHandoffFrameSchema = z.object({
  action: z.literal('leaveHandoff'),
  handoffId: HandoffIdSchema,
});
export type LeaveHandoffFrame = z.infer<typeof LeaveHandoffFrameSchema>;

/** What the server pushes to a connection listening to a handoff. */
export type ListenInServerFrame =
  | { type: 'voice_handoff'; handoff: ListenedHandoffView }
  | { type: 'voice_handoff_message'; handoffId: string; message: ListenedMessage }
  | {
      type: 'voice_handoff_status';
      handoffId: string;
      status: (typeof HANDOFF_STATUSES)[number];
      statusLabel: string;
      claimedByName: string | null;
    }
  | { type: 'voice_handoff_left'; handoffId: string };
