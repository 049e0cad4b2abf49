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
 * visitor is told. Prints each miss, then as the LAST line the benchmark contract's JSON object
 * (latency of an answer beside the classification alone, samples ≥ 1,000) with the quality
 * figures {total, fitting, fitRate, mustNotViolations, misses}; `met` is the quality goal.
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

/** The chat use case's dependencies over the repository's knowledge files, all in memory. */
async function answerDeps(): Promise<Parameters<typeof answerAssistantMessage>[0]> {
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
  return deps;
}

const ask = (deps: Parameters<typeof answerAssistantMessage>[0], c: AnswerCase) =>
  answerAssistantMessage(deps, null, { text: c.q, ...(c.product ? { productCode: c.product } : {}) });

export async function evaluateAnswers(cases: readonly AnswerCase[]): Promise<AnswerQuality> {
  const deps = await answerDeps();
  const misses: AnswerMiss[] = [];
  let fitting = 0;
  let mustNotViolations = 0;
  for (const c of cases) {
    const reply = AssistantReplySchema.parse(await ask(deps, c));
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

/** Rounds over the file for the latency figures: at least 1,000 samples for a p99. */
const TIMING_ROUNDS = 20;

/**
 * Latency of one answer (the whole use case, stores in memory) beside its baseline, the
 * classification alone that every answer needs, on the same questions in the same run.
 */
async function timeAnswers(cases: readonly AnswerCase[]) {
  const deps = await answerDeps();
  for (const c of cases) await ask(deps, c); // warm-up: indexes built, code compiled
  const answer: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < TIMING_ROUNDS; round++) {
    for (const c of cases) {
      let started = performance.now();
      classifyMessage(c.q);
      baseline.push(performance.now() - started);
      started = performance.now();
      await ask(deps, c);
      answer.push(performance.now() - started);
    }
  }
  const at = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return round3(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);
  };
  return {
    p50Ms: at(answer, 0.5),
    p99Ms: at(answer, 0.99),
    baselineP50Ms: at(baseline, 0.5),
    baselineP99Ms: at(baseline, 0.99),
    samples: answer.length,
  };
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? ANSWER_QUALITY_FILE;
  const cases = readAnswerCases(file);
  const result = await evaluateAnswers(cases);
  console.log(`answers that do not fit (${result.misses.length} of ${result.total}):`);
  for (const miss of result.misses) {
    const violated = miss.violated.length > 0 ? ` — says 「${miss.violated.join('」「')}」` : '';
    console.log(`  ${miss.q} → ${miss.got}${violated}: ${miss.text}`);
  }
  const timing = await timeAnswers(cases);
  console.log(
    JSON.stringify({
      bench: 'assistant-answer-quality',
      ...timing,
      ratioP50: round3(timing.p50Ms / Math.max(timing.baselineP50Ms, 0.001)),
      ratioP99: round3(timing.p99Ms / Math.max(timing.baselineP99Ms, 0.001)),
      goal: 'fit rate >= 0.85 with no forbidden phrase (latency reported beside classification alone)',
      met: result.fitRate >= 0.85 && result.mustNotViolations === 0,
      total: result.total,
      fitting: result.fitting,
      fitRate: result.fitRate,
      mustNotViolations: result.mustNotViolations,
      misses: result.misses.length,
    }),
  );
}
