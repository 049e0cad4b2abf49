import type { Segmenter } from '../ports/segmenter';
import { extractFeatures, type FeatureBag } from './features';
import type { KnowledgeEntry } from './knowledge';
import { normaliseMessage } from './normalise';

/** A knowledge entry with its question variants turned into weighted features once. */
export interface IndexedEntry {
  entry: KnowledgeEntry;
  questions: FeatureBag[];
}

/**
 * One intent's entries, indexed for ranking. Features are weighted by their inverse document
 * frequency over the intent's question variants: 理赔 appears in every claim question and tells
 * the entries apart no more than 需要 does, while 身故 or 材料 does. Without it, 「理赔需要什么材料」
 * matched 「身故理赔需要什么」 on the common words and got the death-claim answer.
 */
export interface AnswerIndex {
  entries: IndexedEntry[];
  idf: ReadonlyMap<string, number>;
}

export function indexEntries(entries: readonly KnowledgeEntry[], segmenter: Segmenter): AnswerIndex {
  const raw = entries.map((entry) => ({
    entry,
    questions: entry.questions.map((q) => contentFeatures(q, segmenter)),
  }));
  const documents = raw.flatMap((e) => e.questions);
  const frequency = new Map<string, number>();
  for (const bag of documents)
    for (const key of bag.keys()) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [key, count] of frequency) idf.set(key, Math.log(1 + documents.length / count));
  return {
    entries: raw.map(({ entry, questions }) => ({
      entry,
      questions: questions.map((q) => weighted(q, idf)),
    })),
    idf,
  };
}

/** The classifier's features without the bigrams of question wording (features.ts). */
function contentFeatures(text: string, segmenter: Segmenter): FeatureBag {
  return extractFeatures(normaliseMessage(text), segmenter, { contentBigramsOnly: true });
}

/** A feature seen in no question of the intent carries the highest weight a seen one could. */
function weighted(bag: FeatureBag, idf: ReadonlyMap<string, number>, unseen = 0): FeatureBag {
  const out: FeatureBag = new Map();
  for (const [key, weight] of bag) out.set(key, weight * (idf.get(key) ?? unseen));
  return out;
}

/** Cosine similarity of two weighted feature bags (0 when either is empty). */
export function cosine(a: FeatureBag, b: FeatureBag): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [key, weight] of a) {
    normA += weight * weight;
    const other = b.get(key);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * The entries of the classified intent, best first: each entry scores its closest question
 * variant (cosine of IDF-weighted features), with the same normalisation and features as the
 * classifier (words, character bigrams, single characters), so a typo or a homophone ranks like
 * the right spelling. Ties keep the curated order.
 */
export function rankEntries(
  message: string,
  index: AnswerIndex,
  segmenter: Segmenter,
): { entry: KnowledgeEntry; score: number }[] {
  const features = weighted(contentFeatures(message, segmenter), index.idf);
  return index.entries
    .map((indexed, order) => ({
      entry: indexed.entry,
      order,
      score: Math.max(0, ...indexed.questions.map((q) => cosine(features, q))),
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ entry, score }) => ({ entry, score: Math.round(score * 1000) / 1000 }));
}
