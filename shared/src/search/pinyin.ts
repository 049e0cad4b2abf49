import { customPinyin, pinyin } from 'pinyin-pro';
import { isHan, normaliseText } from './text';

/**
 * pinyin-pro with our polyphone fixes: the source of every reading. Deployed search and chat never
 * load it at cold start: they read tables generated from it (readings.ts, service-term-spellings.ts)
 * and the syllables stored with each catalogue product, which the catalogue's writer reads here.
 *
 * Readings pinyin-pro gets wrong in insurance names (polyphones read by their common sense
 * elsewhere). Registered once per process; pinyin-pro keeps them globally.
 */
const POLYPHONE_FIXES: Record<string, string> = {
  长者: 'zhǎng zhě',
  长辈: 'zhǎng bèi',
  长寿: 'cháng shòu',
  长青: 'cháng qīng',
  长久: 'cháng jiǔ',
  重疾: 'zhòng jí',
  重大: 'zhòng dà',
  康乐: 'kāng lè',
  乐享: 'lè xiǎng',
  乐活: 'lè huó',
  传世: 'chuán shì',
  传家: 'chuán jiā',
  传承: 'chuán chéng',
  还款: 'huán kuǎn',
  还贷: 'huán dài',
  行无忧: 'xíng wú yōu',
  银行: 'yín háng',
  都市: 'dū shì',
  单身: 'dān shēn',
  少儿: 'shào ér',
  少年: 'shào nián',
  和乐: 'hé lè',
  重阳: 'chóng yáng',
};
customPinyin(POLYPHONE_FIXES);

/** One syllable per character (toneless, ü as v); a non-Han character stands for itself. */
export function syllablesOf(chars: readonly string[]): string[] {
  if (chars.length === 0) return [];
  const readings = pinyin(chars.join(''), { toneType: 'none', type: 'array', v: true, nonZh: 'spaced' });
  // pinyin-pro returns one entry per character; fall back per character if that ever changes.
  if (readings.length !== chars.length) return chars.map((c) => (isHan(c) ? syllableOf(c) : c));
  return readings.map((r, i) => (isHan(chars[i] as string) ? r.toLowerCase() : (chars[i] as string)));
}

const syllableCache = new Map<string, string>();

/** A lone character's reading (its most common one); cached, queries repeat the same characters. */
export function syllableOf(char: string): string {
  let syllable = syllableCache.get(char);
  if (syllable === undefined) {
    syllable = pinyin(char, { toneType: 'none', v: true }).toLowerCase();
    if (syllableCache.size < 20_000) syllableCache.set(char, syllable);
  }
  return syllable;
}

/**
 * A product's name and short name as the search index reads them — their normalised characters,
 * in context —, for the catalogue's writers (the import, the seed) to store with the product.
 */
export function productSyllables(product: { name: string; shortName: string }): {
  name: string[];
  shortName: string[];
} {
  const read = (value: string) => syllablesOf(Array.from(normaliseText(value)));
  return { name: read(product.name), shortName: read(product.shortName) };
}
