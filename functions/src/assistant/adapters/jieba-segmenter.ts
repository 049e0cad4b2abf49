import { readFileSync } from 'node:fs';
import { createRequire as requireFrom } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { SERVICE_TERMS } from '@zhixiang/shared/assistant/service-terms';
import type { Segmenter } from '@zhixiang/shared/ports/segmenter';

/**
 * Only jieba's general dictionary is read: the package's `dict.js` reads the 6 MB keyword IDF table
 * beside it too, which nothing here uses. (jieba itself stays an ES import: the packager finds the
 * native package a bundle needs by its imports, and a `require` through createRequire hides it.)
 */
const dict = readFileSync(requireFrom(import.meta.url).resolve('@node-rs/jieba/dict.txt'));

/** High enough that jieba keeps a service term whole even where its own dictionary would split it. */
const USER_WORD_FREQUENCY = 200_000;

/**
 * jieba with the general dictionary plus the service terms. Loading takes ~650 ms (the
 * dictionary is parsed into a trie), so build one per process and reuse it.
 */
export class JiebaSegmenter implements Segmenter {
  private readonly jieba: Jieba;

  constructor(extraWords: readonly string[] = []) {
    this.jieba = Jieba.withDict(dict);
    const userDictionary = [...SERVICE_TERMS, ...extraWords]
      .map((word) => `${word} ${USER_WORD_FREQUENCY}`)
      .join('\n');
    this.jieba.loadDict(Buffer.from(userDictionary, 'utf8'));
  }

  cut(text: string): string[] {
    // HMM off: it invents words from unknown character pairs, which hurts matching typos.
    return this.jieba.cut(text, false).filter((word) => word.trim() !== '');
  }
}
