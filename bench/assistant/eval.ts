/**
 * Evaluates the assistant's intent classification on a JSONL file of {"q", "intent"} lines:
 *
 *   npm run -s assistant:eval -- ../shared/eval/intents-dev.jsonl
 *
 * Prints the cold start, a confusion summary and, as the LAST line, one JSON object
 * {total, correct, accuracy, perIntent, p50Ms, p95Ms}. Classification goes
 * through classifyMessage, exactly what the chat endpoint calls.
 */
import { readFileSync } from 'node:fs';
import { isIntent } from '@zhixiang/shared/assistant/intents';
import {
  classifyMessage,
  getIntentClassifier,
} from '../../functions/src/assistant/adapters/classify-message';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run -s assistant:eval -- FILE.jsonl');
  process.exit(2);
}

const cases = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line, i) => {
    const parsed = JSON.parse(line) as { q?: unknown; intent?: unknown };
    if (typeof parsed.q !== 'string' || typeof parsed.intent !== 'string' || !isIntent(parsed.intent)) {
      throw new Error(`${file}:${i + 1}: expected {"q": string, "intent": one of the intent labels}`);
    }
    return { q: parsed.q, intent: parsed.intent };
  });

const coldStart = performance.now();
getIntentClassifier();
console.log(`cold start (jieba dictionary + index): ${(performance.now() - coldStart).toFixed(0)} ms`);

// Warm-up: the first calls pay for JIT compilation, which a warm Lambda container has done.
for (const { q } of cases.slice(0, 20)) classifyMessage(q);

const latencies: number[] = [];
const perIntent: Record<string, { total: number; correct: number; accuracy: number }> = {};
const confusions = new Map<string, string[]>();
let correct = 0;
let clarified = 0;
let outOfScopeAnswered = 0;
let outOfScopeTotal = 0;
for (const { q, intent } of cases) {
  const started = performance.now();
  const result = classifyMessage(q);
  latencies.push(performance.now() - started);
  perIntent[intent] ??= { total: 0, correct: 0, accuracy: 0 };
  const row = perIntent[intent];
  row.total += 1;
  if (result.clarify) clarified += 1;
  if (intent === 'out_of_scope') {
    outOfScopeTotal += 1;
    if (result.intent !== 'out_of_scope' && result.intent !== 'greeting_smalltalk') outOfScopeAnswered += 1;
  }
  if (result.intent === intent) {
    correct += 1;
    row.correct += 1;
  } else {
    const key = `${intent} → ${result.intent}`;
    confusions.set(key, [...(confusions.get(key) ?? []), q]);
  }
}
for (const row of Object.values(perIntent)) row.accuracy = round(row.correct / row.total);

console.log(`confusions (${cases.length - correct} of ${cases.length}):`);
for (const [key, questions] of [...confusions].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  ${key} ×${questions.length}: ${questions.map((q) => q.slice(0, 40)).join(' | ')}`);
}
console.log(`clarifying questions asked: ${clarified} of ${cases.length}`);
console.log(`out_of_scope answered as a business intent: ${outOfScopeAnswered} of ${outOfScopeTotal}`);

latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    total: cases.length,
    correct,
    accuracy: round(correct / cases.length),
    perIntent,
    p50Ms: round(percentile(latencies, 0.5)),
    p95Ms: round(percentile(latencies, 0.95)),
  }),
);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
