import { MAX_QUERY_CHARS } from '../product/catalogue';

const HAN = /\p{Script=Han}/u;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

export interface CleanQuery {
  /** Lower-case letters, digits and Han characters; whitespace collapsed to single spaces. */
  text: string;
  /** True when the input was cut to MAX_QUERY_CHARS. */
  truncated: boolean;
  /** True when the input had characters but none that can be searched (emoji, punctuation only). */
  unusable: boolean;
}

/**
 * Turns whatever was typed into something the index understands: full-width to half-width
 * (NFKC), lower case, and only letters, digits and Han kept. Nothing from the query is ever used
 * as a pattern, so regex- or SQL-looking input is just text.
 */
export function cleanQuery(raw: string | undefined): CleanQuery {
  const input = (raw ?? '').slice(0, 4 * MAX_QUERY_CHARS);
  const kept = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(kept);
  const truncated = chars.length > MAX_QUERY_CHARS || (raw ?? '').length > 4 * MAX_QUERY_CHARS;
  const text = chars.slice(0, MAX_QUERY_CHARS).join('').trim();
  return { text, truncated, unusable: text === '' && (raw ?? '').trim() !== '' };
}

/** Index-side normalisation: same rules as the query, without spaces. */
export function normaliseText(text: string): string {
  return normaliseWithPositions(text).text;
}

/** Normalised text plus, for each of its characters, the index of the original character. */
export function normaliseWithPositions(text: string): { text: string; positions: number[] } {
  let normalised = '';
  const positions: number[] = [];
  Array.from(text).forEach((char, index) => {
    for (const kept of Array.from(
      char
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ''),
    )) {
      normalised += kept;
      positions.push(index);
    }
  });
  return { text: normalised, positions };
}
