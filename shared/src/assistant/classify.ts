import type { Segmenter } from '../ports/segmenter';
import { extractFeatures } from './features';
import { INTENT_EXAMPLES } from './intent-examples';
import { IntentModel, type LabelledBag } from './intent-model';
import { CONVERSATIONAL_INTENTS, INTENT_NAMES, INTENTS, type Intent } from './intents';
import { normaliseMessage } from './normalise';
import { isOutsideService, opensWithGreeting } from './scope';

export interface IntentOption {
  intent: Intent;
  /** The intent as a button label (Chinese). */
  label: string;
}

export interface IntentClassification {
  /** The best intent; out_of_scope when the message says nothing the assistant knows. */
  intent: Intent;
  /** 0–1: the combined models' share for the intent. */
  confidence: number;
  /** The next-best intents, best first. */
  alternatives: { intent: Intent; confidence: number }[];
  /** Present when the assistant should ask rather than answer: one question, one button per option. */
  clarify?: { question: string; options: IntentOption[] };
  /** A ready answer for messages that need no knowledge base entry (greeting, out of scope). */
  reply?: string;
}

export interface ClassifierTuning {
  /** Weight of naive Bayes against BM25 in the combined score. */
  bayesWeight: number;
  /** BM25 scores are turned into shares with a softmax at this temperature (idf units). */
  bm25Temperature: number;
  /** Below this best BM25 score nothing known was said: out of scope. */
  minEvidence: number;
  /** Below this confidence, ask. */
  minConfidence: number;
  /** Best two closer than this, ask. */
  minMargin: number;
}

/**
 * Chosen by 5-fold cross-validation on the knowledge base (docs/assistant.md): with these, about 7%
 * of messages get a question and a quarter of the would-be mistakes are caught by it.
 */
export const DEFAULT_TUNING: ClassifierTuning = {
  bayesWeight: 0.5,
  bm25Temperature: 1.5,
  minEvidence: 2,
  minConfidence: 0.35,
  minMargin: 0.08,
};

export interface ClassifyContext {
  /** How many of the customer's previous turns in a row ended in a clarification or a miss. */
  consecutiveMisses?: number;
}

export const OUT_OF_SCOPE_REPLY =
  '抱歉，这个问题我暂时回答不了。我可以帮您查询分红和续期缴费、办理保单贷款与还款、变更联系方式或受益人、咨询理赔和退保、预约回访、了解保险产品，也可以为您转接人工客服。';
export const GREETING_REPLY = '您好！我是智享客服，请问有什么可以帮您？';

export interface IntentClassifier {
  classify(message: string, context?: ClassifyContext): IntentClassification;
}

/**
 * The one path from a customer's message to an intent: normalise → segment → features → both
 * models → thresholds. The chat endpoint and the evaluation (bench/assistant/eval.ts) call this
 * same function; build it once per process (training takes milliseconds, the segmenter may not).
 */
export function createIntentClassifier(
  segmenter: Segmenter,
  options: { examples?: Record<Intent, readonly string[]>; tuning?: Partial<ClassifierTuning> } = {},
): IntentClassifier {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const examples = options.examples ?? INTENT_EXAMPLES;
  const training: LabelledBag[] = [];
  for (const intent of INTENTS) {
    for (const question of examples[intent]) {
      training.push({ intent, features: extractFeatures(normaliseMessage(question), segmenter) });
    }
  }
  const model = new IntentModel(training);

  return {
    classify(message, context = {}) {
      const normalised = normaliseMessage(message);
      // Only emoji or punctuation (👍, 🙏, ？): a reaction, answered like small talk.
      if (normalised === '')
        return { intent: 'greeting_smalltalk', confidence: 1, alternatives: [], reply: GREETING_REPLY };
      const features = extractFeatures(normalised, segmenter);
      const { bayes, bm25 } = model.score(features);
      const bestEvidence = Math.max(...INTENTS.filter((i) => i !== 'out_of_scope').map((i) => bm25[i]));
      if (bestEvidence < tuning.minEvidence) return outOfScope(normalised);
      const maxBm25 = Math.max(...INTENTS.map((i) => bm25[i]));
      const bmExp = INTENTS.map((i) => Math.exp((bm25[i] - maxBm25) / tuning.bm25Temperature));
      const bmSum = bmExp.reduce((a, b) => a + b, 0);
      const ranked = INTENTS.map((intent, i) => ({
        intent,
        confidence: tuning.bayesWeight * bayes[intent] + (1 - tuning.bayesWeight) * ((bmExp[i] ?? 0) / bmSum),
      })).sort((a, b) => b.confidence - a.confidence);
      const [best, ...rest] = ranked as [(typeof ranked)[number], ...typeof ranked];
      const result: IntentClassification = {
        intent: best.intent,
        confidence: round(best.confidence),
        alternatives: rest.slice(0, 2).map((r) => ({ intent: r.intent, confidence: round(r.confidence) })),
      };
      if (best.intent === 'greeting_smalltalk') return { ...result, reply: GREETING_REPLY };
      if (best.intent === 'out_of_scope' || isOutsideService(normalised)) {
        return { ...outOfScope(normalised), alternatives: result.alternatives };
      }
      const runnerUp = rest.find((r) => !CONVERSATIONAL_INTENTS.has(r.intent));
      const unsure =
        best.confidence < tuning.minConfidence ||
        (runnerUp !== undefined && best.confidence - runnerUp.confidence < tuning.minMargin);
      if (unsure && runnerUp !== undefined && best.intent !== 'human_agent') {
        result.clarify = clarification(best.intent, runnerUp.intent, context.consecutiveMisses ?? 0);
      }
      return result;
    },
  };
}

/** A greeting followed by chit-chat is still a greeting; anything else gets the polite refusal. */
function outOfScope(normalised: string): IntentClassification {
  if (opensWithGreeting(normalised)) {
    return { intent: 'greeting_smalltalk', confidence: 1, alternatives: [], reply: GREETING_REPLY };
  }
  return { intent: 'out_of_scope', confidence: 1, alternatives: [], reply: OUT_OF_SCOPE_REPLY };
}

/** "您是想问…还是…?" with a button per option; after a miss, a person is offered too. */
function clarification(
  first: Intent,
  second: Intent,
  misses: number,
): NonNullable<IntentClassification['clarify']> {
  const options: IntentOption[] = [first, second].map((intent) => ({ intent, label: INTENT_NAMES[intent] }));
  if (misses >= 1) options.push({ intent: 'human_agent', label: INTENT_NAMES.human_agent });
  const question = `您是想问「${INTENT_NAMES[first]}」还是「${INTENT_NAMES[second]}」？`;
  return { question: misses >= 1 ? `${question}也可以直接为您转人工客服。` : question, options };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
