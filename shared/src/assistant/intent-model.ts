import type { FeatureBag } from './features';
import { INTENTS, type Intent } from './intents';

export interface LabelledBag {
  intent: Intent;
  features: FeatureBag;
}

/** Per-intent scores of one message from both models, before they are combined. */
export interface ModelScores {
  /** Naive Bayes posterior (sums to 1 over the intents). */
  bayes: Record<Intent, number>;
  /** Best BM25 score of any example of the intent (unbounded, in idf units). */
  bm25: Record<Intent, number>;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Laplace smoothing of the naive Bayes word counts. */
const BAYES_ALPHA = 0.1;
/**
 * Naive Bayes multiplies one probability per feature, so its posterior is near 0 or 1 whatever
 * the evidence: the log-likelihoods are divided by this before the softmax to keep it graded.
 */
const BAYES_TEMPERATURE = 3;

/**
 * Two models trained once from the example questions: multinomial naive Bayes over the feature
 * counts (what a whole intent tends to say) and BM25 over each example (the nearest example
 * question). Both are plain arrays and maps built in memory — a few milliseconds for ~500 examples.
 */
export class IntentModel {
  private readonly logLikelihood = new Map<string, Float64Array>();
  private readonly postings = new Map<string, { doc: number; weight: number }[]>();
  private readonly idf = new Map<string, number>();
  private readonly docIntent: Intent[] = [];
  private readonly docLength: number[] = [];
  private readonly averageLength: number;

  constructor(examples: readonly LabelledBag[]) {
    const intentIndex = new Map(INTENTS.map((intent, i) => [intent, i]));
    const counts = new Map<string, Float64Array>();
    const totals = new Float64Array(INTENTS.length);
    examples.forEach(({ intent, features }, doc) => {
      const column = intentIndex.get(intent) as number;
      let length = 0;
      for (const [feature, weight] of features) {
        let row = counts.get(feature);
        if (!row) {
          row = new Float64Array(INTENTS.length);
          counts.set(feature, row);
        }
        row[column] = (row[column] ?? 0) + weight;
        totals[column] = (totals[column] ?? 0) + weight;
        length += weight;
        let list = this.postings.get(feature);
        if (!list) {
          list = [];
          this.postings.set(feature, list);
        }
        list.push({ doc, weight });
      }
      this.docIntent.push(intent);
      this.docLength.push(length);
    });
    const vocabulary = counts.size;
    for (const [feature, row] of counts) {
      this.logLikelihood.set(
        feature,
        row.map((count, i) =>
          Math.log((count + BAYES_ALPHA) / ((totals[i] ?? 0) + BAYES_ALPHA * vocabulary)),
        ),
      );
    }
    const n = examples.length;
    for (const [feature, list] of this.postings) {
      this.idf.set(feature, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
    }
    this.averageLength = this.docLength.reduce((a, b) => a + b, 0) / Math.max(1, n);
  }

  /** True when a feature occurs in some example: unknown features are no evidence either way. */
  knows(feature: string): boolean {
    return this.postings.has(feature);
  }

  score(features: FeatureBag): ModelScores {
    const logPosterior = new Float64Array(INTENTS.length);
    let evidence = 0;
    const docScores = new Map<number, number>();
    for (const [feature, weight] of features) {
      const row = this.logLikelihood.get(feature);
      const list = this.postings.get(feature);
      if (!row || !list) continue;
      evidence += weight;
      for (let i = 0; i < INTENTS.length; i++)
        logPosterior[i] = (logPosterior[i] ?? 0) + weight * (row[i] ?? 0);
      const idf = this.idf.get(feature) ?? 0;
      for (const { doc, weight: tf } of list) {
        const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (this.docLength[doc] ?? 0)) / this.averageLength);
        const contribution = (weight * idf * (tf * (BM25_K1 + 1))) / (tf + norm);
        docScores.set(doc, (docScores.get(doc) ?? 0) + contribution);
      }
    }
    const bm25 = Object.fromEntries(INTENTS.map((intent) => [intent, 0])) as Record<Intent, number>;
    for (const [doc, score] of docScores) {
      const intent = this.docIntent[doc] as Intent;
      if (score > bm25[intent]) bm25[intent] = score;
    }
    // Without any known feature every intent is equally (un)likely.
    const scale = evidence > 0 ? 1 / BAYES_TEMPERATURE : 0;
    const max = Math.max(...logPosterior);
    const exp = Array.from(logPosterior, (value) => Math.exp((value - max) * scale));
    const sum = exp.reduce((a, b) => a + b, 0);
    const bayes = Object.fromEntries(INTENTS.map((intent, i) => [intent, (exp[i] ?? 0) / sum])) as Record<
      Intent,
      number
    >;
    return { bayes, bm25 };
  }
}
