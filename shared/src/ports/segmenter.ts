/**
 * Splits Chinese text into words. A port so that shared/ stays free of native modules: the
 * Lambda functions use jieba (functions/src/assistant/adapters/jieba-segmenter.ts); tests and tools
 * without it can use the pure dictionary segmenter in shared/src/assistant/segmenter.ts.
 */
export interface Segmenter {
  /** Words in order; whitespace never appears inside or as a word. */
  cut(text: string): string[];
}
