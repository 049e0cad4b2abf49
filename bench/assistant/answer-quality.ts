/**
 * Answer quality: does the answer a customer gets fit the question, beyond the intent being right?
 * Each line of the file is {"q", "fits", "mustNot"?, "product"?}:
 * - `fits`: the knowledge entry ids that answer the question well, or "clarify" when asking back
 *   (e.g. "which kind of claim?") is a right answer, or "product" for an answer from a product's
 *   own data;
 * - `mustNot`: phrases that would make the answer wrong (「请节哀」 to a general claim question);
 * - `product`: the product the customer came from (问问小智 on a product page).
 *
 *   npm run -s assistant:eval-answers [-- FILE.jsonl]
 *
 * The question goes through the chat endpoint's own use case (answerAssistantMessage, signed out,
 * a fresh conversation) over the knowledge files of the repository, so the figure measures what a
 * visitor is told. Prints each miss, then as the LAST line one JSON object
 * {total, fitting, fitRate, mustNotViolations, misses}.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AssistantReplySchema } from '@zhixiang/shared/assistant/chat';
import type { KnowledgeEntry } from '@zhixiang/shared/assistant/knowledge';
import type { ConversationState, ConversationStore } from '@zhixiang/shared/ports/assistant-conversations';
import type { KnowledgeBaseRepository } from '@zhixiang/shared/ports/knowledge-base';
import type { CatalogueProductRecord } from '@zhixiang/shared/product/catalogue';
import * as z from 'zod/mini';
import {
  classifyMessage,
  getServiceSegmenter,
} from '../../functions/src/assistant/adapters/classify-message';
import { answerAssistantMessage } from '../../functions/src/assistant/use-cases/answer-assistant-message';
import { KnowledgeAnswers } from '../../functions/src/assistant/use-cases/knowledge-answers';
import { readKnowledgeFiles } from '../../functions/src/assistant/use-cases/load-knowledge-base';
import { DEMO_CATALOGUE } from '../../functions/src/seed/demo-catalogue';

export const ANSWER_QUALITY_FILE = fileURLToPath(
  new URL('../../shared/test/assistant/answer-quality.jsonl', import.meta.url),
);

const CaseSchema = z.object({
  q: z.string().check(z.minLength(1)),
  fits: z.array(z.string()).check(z.minLength(1)),
  mustNot: z.optional(z.array(z.string())),
  product: z.optional(z.string()),
});
type AnswerCase = z.infer<typeof CaseSchema>;

export interface AnswerMiss {
  q: string;
  got: string;
  text: string;
  violated: string[];
}

export interface AnswerQuality {
  total: number;
  fitting: number;
  fitRate: number;
  mustNotViolations: number;
  misses: AnswerMiss[];
}

export function readAnswerCases(file: string = ANSWER_QUALITY_FILE): AnswerCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = CaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file}:${i + 1}: expected {"q", "fits": [...], "mustNot"?, "product"?}`);
      return parsed.data;
    });
}

/** The knowledge files as the active version 1, read from memory. */
function knowledgeFrom(entries: readonly KnowledgeEntry[]): KnowledgeBaseRepository {
  return {
    activeVersion: async () => ({ version: 1, contentHash: '', entryCount: entries.length, activatedAt: 0 }),
    entriesOf: async (_version, intent) => entries.filter((e) => e.intent === intent),
    reserveVersion: async () => 2,
    putEntries: async () => undefined,
    activate: async () => false,
  };
}

/** Conversations kept in memory: each case is a fresh conversation of a signed-out visitor. */
function conversationsInMemory(): ConversationStore {
  const states = new Map<string, ConversationState>();
  return {
    get: async (id) => states.get(id) ?? null,
    saveTurn: async (state) => {
      states.set(state.conversationId, state);
      return true;
    },
    rateTurn: async () => true,
    listReviewItems: async () => [],
    listTurns: async () => [],
  };
}

export async function evaluateAnswers(cases: readonly AnswerCase[]): Promise<AnswerQuality> {
  const entries = await readKnowledgeFiles();
  const products = new Map<string, CatalogueProductRecord>(DEMO_CATALOGUE.map((p) => [p.productCode, p]));
  const deps = {
    repositories: {
      policies: { listByCustomer: async () => [] },
      products: { get: async () => null },
      callbackBookings: { getBooking: async () => null },
      assistantConversations: conversationsInMemory(),
      catalogue: { get: async (code: string) => products.get(code) ?? null },
    },
    knowledge: new KnowledgeAnswers(knowledgeFrom(entries), getServiceSegmenter()),
    classify: classifyMessage,
    handOff: async () => {
      throw new Error('a signed-out visitor is never handed over');
    },
    now: () => Date.parse('2026-12-05T02:00:00Z'),
    logger: { info: () => undefined, warn: () => undefined },
  } as unknown as Parameters<typeof answerAssistantMessage>[0];

  const misses: AnswerMiss[] = [];
  let fitting = 0;
  let mustNotViolations = 0;
  for (const c of cases) {
    const reply = AssistantReplySchema.parse(
      await answerAssistantMessage(deps, null, {
        text: c.q,
        ...(c.product ? { productCode: c.product } : {}),
      }),
    );
    const answered = reply.answerId?.startsWith('product:') ? 'product' : reply.answerId;
    const got = reply.kind === 'clarify' ? 'clarify' : (answered ?? reply.kind);
    const text = reply.text.join(' ');
    const violated = (c.mustNot ?? []).filter((phrase) => text.includes(phrase));
    mustNotViolations += violated.length;
    const fits = c.fits.includes(got) && violated.length === 0;
    if (fits) fitting += 1;
    else misses.push({ q: c.q, got, text: text.slice(0, 60), violated });
  }
  return {
    total: cases.length,
    fitting,
    fitRate: Math.round((fitting / cases.length) * 1000) / 1000,
    mustNotViolations,
    misses,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? ANSWER_QUALITY_FILE;
  const result = await evaluateAnswers(readAnswerCases(file));
  console.log(`answers that do not fit (${result.misses.length} of ${result.total}):`);
  for (const miss of result.misses) {
    const violated = miss.violated.length > 0 ? ` — says 「${miss.violated.join('」「')}」` : '';
    console.log(`  ${miss.q} → ${miss.got}${violated}: ${miss.text}`);
  }
  console.log(JSON.stringify({ ...result, misses: result.misses.length }));
}
