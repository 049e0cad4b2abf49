import type { Segmenter } from '../ports/segmenter';
import { extractFeatures, type FeatureBag } from './features';
import type { KnowledgeEntry } from './knowledge';
import { normaliseMessage } from './normalise';

/** A knowledge entry with its question variants turned into features once. */
export interface IndexedEntry {
  entry: KnowledgeEntry;
  questions: FeatureBag[];
}

export function indexEntries(entries: readonly KnowledgeEntry[], segmenter: Segmenter): IndexedEntry[] {
  return entries.map((entry) => ({
    entry,
    questions: entry.questions.map((q) => extractFeatures(normaliseMessage(q), segmenter)),
  }));
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
 * variant, with the same normalisation and features as the classifier (words, character bigrams,
 * single characters), so a typo or a homophone ranks like the right spelling. Ties keep the
 * curated order.
 */
export function rankEntries(
  message: string,
  entries: readonly IndexedEntry[],
  segmenter: Segmenter,
): { entry: KnowledgeEntry; score: number }[] {
  const features = extractFeatures(normaliseMessage(message), segmenter);
  return entries
    .map((indexed, order) => ({
      entry: indexed.entry,
      order,
      score: Math.max(0, ...indexed.questions.map((q) => cosine(features, q))),
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ entry, score }) => ({ entry, score: Math.round(score * 1000) / 1000 }));
}
