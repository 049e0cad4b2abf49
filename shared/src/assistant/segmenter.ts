import type { Segmenter } from '../ports/segmenter';
import { SERVICE_TERMS } from './service-terms';

/**
 * A jieba-free segmenter: forward maximum matching over the service terms plus the given words,
 * single characters elsewhere. Good enough for tests and tools; the Lambda functions use jieba,
 * which also knows general Chinese (see docs/assistant.md for the measured difference).
 */
export class DictionarySegmenter implements Segmenter {
  private readonly words: ReadonlySet<string>;
  private readonly lengths: readonly number[];

  constructor(extraWords: readonly string[] = []) {
    this.words = new Set([...SERVICE_TERMS, ...extraWords]);
    this.lengths = [...new Set([...this.words].map((word) => word.length))].sort((a, b) => b - a);
  }

  cut(text: string): string[] {
    const words: string[] = [];
    for (const chunk of text.split(/\s+/)) {
      if (!chunk) continue;
      for (let at = 0; at < chunk.length; ) {
        const length = this.lengths.find((n) => this.words.has(chunk.slice(at, at + n))) ?? 1;
        const latin = /^[a-z0-9]+/.exec(chunk.slice(at));
        const step = length === 1 && latin ? latin[0].length : length;
        words.push(chunk.slice(at, at + step));
        at += step;
      }
    }
    return words;
  }
}
