import { MAIN_BLOCK_READINGS, OTHER_READINGS, SYLLABLES } from './readings';

/**
 * A Han character's pinyin as product search reads a query: looked up in readings.ts, generated
 * ahead from pinyin-pro (scripts/generate-pinyin-tables.ts; a test keeps it equal), so searching
 * never loads pinyin-pro — its dictionaries and word automaton were most of the function's cold
 * start. Whole names are read in context by pinyin-pro where the catalogue is written (pinyin.ts).
 */
export const MAIN_BLOCK_START = 0x4e00;
export const MAIN_BLOCK_END = 0x9fff;

/** 64 characters that need no escaping in a string literal; two of them encode 0 … 4,095. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$';

export function encodeReadingIndex(index: number): string {
  return (DIGITS[index >> 6] as string) + (DIGITS[index & 63] as string);
}

let syllableList: string[] | undefined;

/** A lone character's reading (its most common one); the character itself if it has none. */
export function readingOf(char: string): string {
  const codePoint = char.codePointAt(0) as number;
  if (codePoint >= MAIN_BLOCK_START && codePoint <= MAIN_BLOCK_END && char.length === 1) {
    const at = 2 * (codePoint - MAIN_BLOCK_START);
    const index =
      DIGITS.indexOf(MAIN_BLOCK_READINGS[at] as string) * 64 +
      DIGITS.indexOf(MAIN_BLOCK_READINGS[at + 1] as string);
    if (index === 0) return char;
    syllableList ??= SYLLABLES.split(' ');
    return syllableList[index - 1] as string;
  }
  return OTHER_READINGS[char] ?? char;
}

/**
 * Sounds Chinese speakers commonly confuse (front/back nasals, flat/retroflex initials): two
 * syllables with the same folded form count as a typo-level match, never as an exact one.
 */
export function foldSyllable(syllable: string): string {
  return syllable.replace(/^zh/, 'z').replace(/^ch/, 'c').replace(/^sh/, 's').replace(/ng$/, 'n');
}
