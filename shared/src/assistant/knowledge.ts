import * as z from 'zod/mini';
import { ENDORSEMENT_TYPES } from '../endorsement/types';
import { INTENTS, type Intent } from './intents';

/**
 * The assistant's knowledge base (知识库): curated entries, each answering one need in several
 * wordings. Kept as JSON files in `knowledge/` at the repository root, checked by this schema,
 * loaded into DynamoDB by `npm run admin -- load-knowledge` (and the local seed) as a numbered
 * version; the chat endpoint answers from the active version.
 */

/**
 * Self-service flows an answer can take the customer into. The mini program maps each to a page;
 * flows that need a policy get the policy number from the conversation when one is known.
 */
export const ASSISTANT_FLOWS = [
  'policy_detail',
  'my_policies',
  'callback_booking',
  'online_callback',
  'product_search',
  'identity_binding',
  'sign_in',
  'call_hotline',
  /** 转人工: hand the conversation to a person (only offered to a signed-in, bound customer). */
  'human_handoff',
  /** The endorsement (保全) flows, one per application type: the form of that type for one policy. */
  ...ENDORSEMENT_TYPES,
  /** 我的申请, 我的信函 and the letter and notice settings. */
  'my_endorsements',
  'my_letters',
  'letter_settings',
  /** 我要投诉 (the complaint form) and 我的投诉 (the customer's complaints with their progress). */
  'file_complaint',
  'my_complaints',
  /** 我要吐槽: free text into the customer-voice stream (客户之声). */
  'voice_rant',
  /** 录像授权: a policyholder abroad authorises a trustee by a recorded video. */
  'video_authorisation',
] as const;
export type AssistantFlow = (typeof ASSISTANT_FLOWS)[number];

/** Flows that open one policy; without a known policy they fall back to the policy list. */
export const POLICY_FLOWS: ReadonlySet<AssistantFlow> = new Set([
  'policy_detail',
  'callback_booking',
  'online_callback',
  ...ENDORSEMENT_TYPES,
]);

/* @__NO_SIDE_EFFECTS__ */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const KnowledgeActionSchema = z.object({ label: text(12), flow: z.enum(ASSISTANT_FLOWS) });
export type KnowledgeAction = z.infer<typeof KnowledgeActionSchema>;

export const KnowledgeEntrySchema = z.object({
  /** Stable, kebab-case, unique in the whole knowledge base: turns and feedback refer to it. */
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case')),
  intent: z.enum(INTENTS),
  /** Ways customers ask this; the entry is picked by how close the message is to one of them. */
  questions: z.array(text(60)).check(z.minLength(2)),
  answer: text(400),
  /**
   * Signed in, this entry is answered with the customer's own records (quota, dividends, due
   * date…) before the general answer; signed out, the answer adds what sign-in would show.
   */
  personal: z.optional(z.boolean()),
  actions: z.optional(z.array(KnowledgeActionSchema).check(z.maxLength(3))),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;

export const KnowledgeFileSchema = z.object({
  /** What the file covers, for curators. */
  topic: text(40),
  entries: z.array(KnowledgeEntrySchema).check(z.minLength(1)),
});

/**
 * Intents the knowledge base must answer. Greeting and out-of-scope replies come from the
 * classifier itself (`GREETING_REPLY`, `OUT_OF_SCOPE_REPLY`).
 */
export const INTENTS_NEEDING_ENTRIES: readonly Intent[] = INTENTS.filter(
  (intent) => intent !== 'greeting_smalltalk' && intent !== 'out_of_scope',
);

/** Problems that stop a knowledge base from loading: duplicate ids, intents with no entry. */
export function knowledgeBaseProblems(entries: readonly KnowledgeEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) problems.push(`duplicate id ${entry.id}`);
    seen.add(entry.id);
  }
  for (const intent of INTENTS_NEEDING_ENTRIES) {
    if (!entries.some((e) => e.intent === intent)) problems.push(`no entry for intent ${intent}`);
  }
  return problems;
}
