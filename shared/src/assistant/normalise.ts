import { ConverterFactory } from 'opencc-js/core';
import toSimplifiedDictionaries from 'opencc-js/to/cn';
import { SERVICE_TERM_SPELLINGS } from './service-term-spellings';
import { ABBREVIATIONS, PINYIN_TERMS, TERM_REWRITES } from './service-terms';

/** Longer messages are cut: the intent is in the first sentences, and cost stays bounded. */
export const MAX_MESSAGE_CHARS = 200;

const rewriteKeys = Object.keys(TERM_REWRITES).sort((a, b) => b.length - a.length);
const rewriteLengths = [...new Set(rewriteKeys.map((key) => key.length))];

/**
 * Toneless full pinyin of each term, longest first so 刷脸认证 wins over 刷脸. The spellings are
 * pinyin-pro's, generated ahead (service-term-spellings.ts), so the chat never loads pinyin-pro.
 */
const pinyinToTerm: ReadonlyMap<string, string> = (() => {
  const entries: [string, string][] = [];
  for (const term of PINYIN_TERMS) {
    const spelled = SERVICE_TERM_SPELLINGS[term] ?? '';
    // Shorter than two syllables' worth of letters would turn English words into Chinese.
    if (spelled.length >= 4) entries.push([spelled, term]);
  }
  entries.sort((a, b) => b[0].length - a[0].length);
  return new Map(entries);
})();
const pinyinLengths = [...new Set([...pinyinToTerm.keys()].map((key) => key.length))].sort((a, b) => b - a);

/**
 * Traditional characters to simplified (保單貸款 → 保单贷款), with OpenCC's traditional → simplified
 * character and phrase dictionaries (its core and those two only: the regional phrase tables would
 * add 150 KiB to the chat function); built on first use (tens of milliseconds, once per process).
 */
let toSimplified: ((text: string) => string) | undefined;

/**
 * Everything a message goes through before segmentation: traditional to simplified characters,
 * full-width to half-width (NFKC), lower case, emoji and punctuation to spaces, abbreviations and pinyin of service terms to Chinese,
 * then misspellings and synonyms to the canonical term. Pure and deterministic: the classifier,
 * its tests and the evaluation all see the same text.
 */
export function normaliseMessage(raw: string): string {
  toSimplified ??= ConverterFactory(toSimplifiedDictionaries);
  const cleaned = Array.from(toSimplified(raw.normalize('NFKC').toLowerCase()))
    .slice(0, MAX_MESSAGE_CHARS)
    .join('')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return rewriteTerms(latinToChinese(cleaned)).replace(/\s+/g, ' ').trim();
}

/**
 * Latin runs (letters, possibly spaced like "bian geng") become the service terms they spell.
 * A lone token that is a known abbreviation (tb, rg) is replaced whole; otherwise the run's
 * letters are read as pinyin and every term found is put in its place; letters that spell no
 * term stay as they are (ok, hi, app).
 */
function latinToChinese(text: string): string {
  return text.replace(/[a-z]+(?: [a-z]+)*/g, (run) => {
    const tokens = run.split(' ');
    if (tokens.length === 1 && tokens[0] !== undefined && ABBREVIATIONS[tokens[0]] !== undefined) {
      return ` ${ABBREVIATIONS[tokens[0]]} `;
    }
    const replaced = tokens.map((token) =>
      ABBREVIATIONS[token] !== undefined ? ` ${ABBREVIATIONS[token]} ` : token,
    );
    if (replaced.some((token, i) => token !== tokens[i])) return replaced.join(' ');
    return ` ${readPinyin(tokens.join(''), run)} `;
  });
}

function readPinyin(letters: string, original: string): string {
  let out = '';
  let unmatched = '';
  let found = false;
  for (let at = 0; at < letters.length; ) {
    let term: string | undefined;
    let length = 0;
    for (const candidate of pinyinLengths) {
      if (at + candidate > letters.length) continue;
      term = pinyinToTerm.get(letters.slice(at, at + candidate));
      if (term !== undefined) {
        length = candidate;
        break;
      }
    }
    if (term === undefined) {
      unmatched += letters[at];
      at += 1;
      continue;
    }
    found = true;
    out += `${unmatched ? ` ${unmatched} ` : ''}${term}`;
    unmatched = '';
    at += length;
  }
  if (!found) return original;
  return unmatched ? `${out} ${unmatched}` : out;
}

function rewriteTerms(text: string): string {
  let out = '';
  for (let at = 0; at < text.length; ) {
    let replaced = false;
    for (const length of rewriteLengths) {
      const canonical = TERM_REWRITES[text.slice(at, at + length)];
      if (canonical !== undefined) {
        out += canonical;
        at += length;
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out += text[at];
      at += 1;
    }
  }
  return out;
}
