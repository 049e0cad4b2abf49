import { readFileSync } from 'node:fs';
import { createRequire as requireFrom } from 'node:module';
import { SERVICE_TERMS } from '@zhixiang/shared/assistant/service-terms';
import type { Segmenter } from '@zhixiang/shared/ports/segmenter';

/**
 * jieba is loaded with `require`, not as an ES import: importing a CommonJS package makes Node scan
 * its source for export names first (cjs-module-lexer), tens of milliseconds of the chat's cold
 * start. And only its general dictionary is read: the package's `dict.js` reads the 6 MB keyword
 * IDF table beside it too, which nothing here uses.
 */
const require = requireFrom(import.meta.url);
const { Jieba }: typeof import('@node-rs/jieba') = require('@node-rs/jieba');
const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));

/** High enough that jieba keeps a service term whole even where its own dictionary would split it. */
const USER_WORD_FREQUENCY = 200_000;

/**
 * jieba with the general dictionary plus the service terms. Loading takes ~650 ms (the
 * dictionary is parsed into a trie), so build one per process and reuse it.
 */
export class JiebaSegmenter implements Segmenter {
  private readonly jieba: InstanceType<typeof Jieba>;

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
