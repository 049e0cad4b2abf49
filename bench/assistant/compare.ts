/**
 * Accuracy of the design's alternatives on the same files, to show why the shipped combination
 * was chosen (docs/assistant.md): each model alone and together, jieba vs the pure dictionary
 * segmenter.
 *
 *   npx tsx bench/assistant/compare.ts FILE.jsonl [FILE.jsonl ...]
 */
import { readFileSync } from 'node:fs';
import { type ClassifierTuning, createIntentClassifier } from '@zhixiang/shared/assistant/classify';
import { INTENT_EXAMPLES } from '@zhixiang/shared/assistant/intent-examples';
import { INTENTS, type Intent } from '@zhixiang/shared/assistant/intents';
import { DictionarySegmenter } from '@zhixiang/shared/assistant/segmenter';
import type { Segmenter } from '@zhixiang/shared/ports/segmenter';
import { JiebaSegmenter } from '../../functions/src/assistant/adapters/jieba-segmenter';

const segmenters: Record<string, Segmenter> = {
  jieba: new JiebaSegmenter(),
  dictionary: new DictionarySegmenter(),
};
const variants: Record<string, Partial<ClassifierTuning>> = {
  'naive Bayes only': { bayesWeight: 1 },
  'BM25 only': { bayesWeight: 0 },
  combined: {},
};

for (const file of process.argv.slice(2)) {
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { q: string; intent: string });
  console.log(file);
  for (const [segmenterName, segmenter] of Object.entries(segmenters)) {
    for (const [variantName, tuning] of Object.entries(variants)) {
      const classifier = createIntentClassifier(segmenter, { tuning });
      const correct = cases.filter(({ q, intent }) => classifier.classify(q).intent === intent).length;
      console.log(
        `  ${segmenterName.padEnd(10)} ${variantName.padEnd(18)} ${(correct / cases.length).toFixed(3)}`,
      );
    }
  }
}

// Five-fold cross-validation on the knowledge base itself: each example classified by a model
// trained without its fold. A floor on generalisation, since examples are short and terse.
const folds = 5;
const jieba = segmenters.jieba as Segmenter;
let total = 0;
let correct = 0;
for (let fold = 0; fold < folds; fold++) {
  const training = Object.fromEntries(
    INTENTS.map((intent) => [intent, INTENT_EXAMPLES[intent].filter((_, i) => i % folds !== fold)]),
  ) as Record<Intent, string[]>;
  const classifier = createIntentClassifier(jieba, { examples: training });
  for (const intent of INTENTS) {
    INTENT_EXAMPLES[intent].forEach((question, i) => {
      if (i % folds !== fold) return;
      total += 1;
      if (classifier.classify(question).intent === intent) correct += 1;
    });
  }
}
console.log(
  `knowledge base, ${folds}-fold cross-validation (jieba, combined): ${(correct / total).toFixed(3)} of ${total}`,
);
