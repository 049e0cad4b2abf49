import { approximateSubstring } from './edit-distance';
import { foldSyllable, readingOf } from './syllables';
import { SYNONYM_TERMS, synonymVariants } from './synonyms';
import { cleanQuery, isHan, normaliseText, normaliseWithPositions } from './text';

/**
 * Product search (知客): a small in-process index over the catalogue. Every product is matched
 * field by field and placed in a tier — exact name > prefix > word > full pinyin > initials >
 * fuzzy — then ordered inside the tier by hotness and match quality. Why our own index rather than
 * Fuse.js or similar: docs/product-search.md (measured in bench/product-search).
 */
export interface SearchDocument {
  id: string;
  name: string;
  shortName: string;
  category: string;
  tags: readonly string[];
  minAge: number;
  maxAge: number;
  paymentTerms: readonly string[];
  onSale: boolean;
  hotness: number;
}

export const MATCH_TIERS = ['exact', 'prefix', 'word', 'pinyin', 'initials', 'fuzzy'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];
const RANK: Record<MatchTier, number> = { exact: 6, prefix: 5, word: 4, pinyin: 3, initials: 2, fuzzy: 1 };
const TIER_BY_PENALTY: MatchTier[] = ['word', 'pinyin', 'initials', 'fuzzy'];

export interface Highlight {
  start: number;
  end: number;
}

export interface SearchHit<D extends SearchDocument> {
  doc: D;
  tier: MatchTier;
  /** Found through a synonym (重疾 → 重大疾病) or the product's category and tags. */
  indirect: boolean;
  score: number;
  /** Ranges of `doc.name`, [start, end). */
  highlights: Highlight[];
}

export interface SearchResult<D extends SearchDocument> {
  query: string;
  mode: 'hot' | 'search';
  hits: SearchHit<D>[];
  hint?: string;
}

export interface SearchOptions {
  category?: string;
  age?: number;
  paymentTerm?: string;
  limit?: number;
  /** Products no longer sold still answer their own name (existing customers look them up). */
  includeOffSale?: boolean;
}

/** Shortest queries with typo tolerance: below these, one edit matches half the catalogue. */
const MIN_HAN_FOR_TYPOS = 3;
const MIN_LATIN_FOR_TYPOS = 5;
/** Typed pinyin this long gets two edits (a syllable typed wrong usually costs two). */
const maxLatinEdits = (text: string) => (text.length >= 12 ? 2 : 1);
/** How many entries sharing the most letter pairs with a query are checked for typos. */
const FUZZY_CANDIDATES = 40;

interface Field {
  text: string;
  chars: string[];
  charSet: Set<string>;
  syllables: string[];
  folded: string[];
  full: string;
  /** Character index of each position of `full`. */
  charAtFull: number[];
  fullBigrams: Set<string>;
  /** Quick rejection: the syllables, folded syllables and first letters this field contains. */
  syllableSet: Set<string>;
  foldedSet: Set<string>;
  initialSet: Set<string>;
  hanAt: boolean[];
  /** Where this field sits inside the normalised name, for highlighting (-1: not inside it). */
  offsetInName: number;
  weight: number;
}

interface Entry<D extends SearchDocument> {
  doc: D;
  /** Original character index of each character of the normalised name. */
  namePositions: number[];
  fields: Field[];
  keywords: string[];
  /** Hotness scaled to 0..1 (logarithmically: a few best-sellers should not flatten the rest). */
  hot: number;
}

export interface SearchIndex<D extends SearchDocument> {
  entries: Entry<D>[];
  /**
   * Posting lists (entry positions, ascending) for picking candidates before matching: by
   * character, syllable, folded syllable, pinyin letter, pinyin bigram and keyword.
   */
  postings: Map<string, number[]>;
  keywords: Map<string, number[]>;
  /** Every syllable in the catalogue. */
  syllables: string[];
  byHotness: Entry<D>[];
  /** Words of the catalogue, for splitting run-together queries (儿童重疾 → 儿童 + 重疾). */
  vocabulary: Set<string>;
  buildMs: number;
}

/**
 * A field's syllables, one per normalised character (a non-Han character stands for itself), read
 * in context: pinyin.ts `syllablesOf`, or what the catalogue stored when it was written.
 */
export type ReadSyllables = (chars: readonly string[]) => string[];

function indexField(value: string, name: string, weight: number, read: ReadSyllables): Field {
  const text = normaliseText(value);
  const chars = Array.from(text);
  const syllables = read(chars);
  let full = '';
  const charAtFull: number[] = [];
  syllables.forEach((s, i) => {
    full += s;
    for (let k = 0; k < s.length; k++) charAtFull.push(i);
  });
  const fullBigrams = new Set<string>();
  for (let i = 0; i + 1 < full.length; i++) fullBigrams.add(full.slice(i, i + 2));
  const folded = syllables.map(foldSyllable);
  return {
    text,
    chars,
    charSet: new Set(chars),
    syllableSet: new Set(syllables),
    foldedSet: new Set(folded),
    initialSet: new Set(syllables.map((syllable) => syllable[0] as string)),
    hanAt: chars.map(isHan),
    syllables,
    folded,
    full,
    charAtFull,
    fullBigrams,
    offsetInName: text === name ? 0 : charIndex(name, text),
    weight,
  };
}

export function buildSearchIndex<D extends SearchDocument>(
  docs: readonly D[],
  read: ReadSyllables,
): SearchIndex<D> {
  const started = performance.now();
  const maxHot = Math.max(1, ...docs.map((d) => d.hotness));
  const vocabulary = new Set<string>(SYNONYM_TERMS);
  const entries = docs.map((doc) => {
    const { text: name, positions: namePositions } = normaliseWithPositions(doc.name);
    const fields = [indexField(doc.name, name, 1, read)];
    if (doc.shortName && normaliseText(doc.shortName) !== name)
      fields.push(indexField(doc.shortName, name, 0.9, read));
    const keywords = [doc.category, ...doc.tags].map(normaliseText).filter(Boolean);
    for (const word of [...keywords, ...fields.map((f) => f.text)]) {
      const chars = Array.from(word);
      for (let len = 2; len <= 4; len++)
        for (let i = 0; i + len <= chars.length; i++) vocabulary.add(chars.slice(i, i + len).join(''));
    }
    return {
      doc,
      namePositions,
      fields,
      keywords,
      hot: Math.log1p(Math.max(0, doc.hotness)) / Math.log1p(maxHot),
    };
  });
  const postings = new Map<string, number[]>();
  const keywordPostings = new Map<string, number[]>();
  const post = (map: Map<string, number[]>, key: string, position: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  };
  entries.forEach((entry, position) => {
    for (const field of entry.fields) {
      for (const char of field.chars) post(postings, `c${char}`, position);
      for (const syllable of field.syllables) post(postings, `s${syllable}`, position);
      for (const folded of field.folded) post(postings, `f${folded}`, position);
      for (const letter of new Set(field.full)) post(postings, `l${letter}`, position);
      for (const initial of field.initialSet) post(postings, `i${initial}`, position);
      for (let j = 0; j + 1 < field.syllables.length; j++)
        post(
          postings,
          `a${(field.syllables[j] as string)[0]}${(field.syllables[j + 1] as string)[0]}`,
          position,
        );
      for (const bigram of field.fullBigrams) post(postings, `b${bigram}`, position);
    }
    for (const keyword of entry.keywords) post(keywordPostings, keyword, position);
  });
  const byHotness = [...entries].sort(
    (a, b) => b.doc.hotness - a.doc.hotness || a.doc.id.localeCompare(b.doc.id),
  );
  const syllables = [...postings.keys()].filter((key) => key.startsWith('s')).map((key) => key.slice(1));
  return {
    entries,
    postings,
    keywords: keywordPostings,
    syllables,
    byHotness,
    vocabulary,
    buildMs: performance.now() - started,
  };
}

interface TokenMatch {
  tier: MatchTier;
  indirect: boolean;
  weight: number;
  /** Span in the matched field's characters. */
  start: number;
  end: number;
  field: Field | null;
}

interface QueryToken {
  text: string;
  chars: string[];
  /** Syllable and folded syllable of each Han character (undefined for Latin and digits). */
  syllables: (string | undefined)[];
  folded: (string | undefined)[];
  han: boolean;
  latinOnly: boolean;
}

/** Synonym variants are only matched literally, so they skip the pinyin lookups. */
function makeToken(text: string, withPinyin = true): QueryToken {
  const chars = Array.from(text);
  const syllables = chars.map((c) => (withPinyin && isHan(c) ? readingOf(c) : undefined));
  return {
    text,
    chars,
    syllables,
    folded: syllables.map((s) => (s === undefined ? undefined : foldSyllable(s))),
    han: chars.every(isHan),
    latinOnly: chars.every((c) => /[a-z0-9]/.test(c)),
  };
}

function better(a: TokenMatch | null, b: TokenMatch | null): TokenMatch | null {
  if (!a) return b;
  if (!b) return a;
  if (RANK[a.tier] !== RANK[b.tier]) return RANK[a.tier] > RANK[b.tier] ? a : b;
  if (a.indirect !== b.indirect) return a.indirect ? b : a;
  return b.weight > a.weight ? b : a;
}

/** Exact, prefix and substring matches on the name fields, then category and tags. */
function matchLiteral(token: QueryToken, entry: Entry<SearchDocument>, indirect: boolean): TokenMatch | null {
  let best: TokenMatch | null = null;
  const length = token.chars.length;
  for (const field of entry.fields) {
    if (field.text === token.text)
      return { tier: 'exact', indirect, weight: field.weight, start: 0, end: length, field };
    const at = field.text.indexOf(token.text);
    if (at < 0) continue;
    const start = Array.from(field.text.slice(0, at)).length;
    best = better(best, {
      tier: at === 0 ? 'prefix' : 'word',
      indirect,
      weight: field.weight,
      start,
      end: start + length,
      field,
    });
  }
  if (best || length < 2) return best;
  for (const keyword of entry.keywords) {
    // "重疾险" still means the 重疾 category; "金佑福重疾" does not mean every 重疾 product.
    const covers =
      keyword.includes(token.text) || (token.text.includes(keyword) && keyword.length >= length - 1);
    if (covers) return { tier: 'word', indirect: true, weight: 0.5, start: 0, end: 0, field: null };
  }
  return null;
}

/**
 * Pinyin-aware sequence match over one field: each query character is consumed by the same
 * character (penalty 0), a full syllable or a homophone (1), an initial (2) or a commonly confused
 * sound (3, only when typos are allowed). The worst step used decides the tier.
 */
function matchSequence(
  token: QueryToken,
  field: Field,
  allowFolded: boolean,
): { penalty: number; start: number; end: number } | null {
  if (!couldMatch(token, field, allowFolded)) return null;
  const q = token.chars;
  const Q = q.length;
  const L = field.chars.length;
  let best: { penalty: number; start: number; end: number } | null = null;
  let current = new Array<number>(Q + 1);
  let next = new Array<number>(Q + 1);
  const NONE = 9;
  const first = q[0] as string;
  const firstSyllable = token.syllables[0];
  for (let start = 0; start < L; start++) {
    const canStart =
      firstSyllable === undefined
        ? field.chars[start] === first ||
          (field.hanAt[start] && (field.syllables[start] as string)[0] === first)
        : field.chars[start] === first ||
          field.syllables[start] === firstSyllable ||
          (allowFolded && field.folded[start] === token.folded[0]);
    if (!canStart) continue;
    current.fill(NONE);
    current[0] = 0;
    for (let j = start; j < L; j++) {
      next.fill(NONE);
      const syllable = field.syllables[j] as string;
      const folded = field.folded[j] as string;
      const docChar = field.chars[j] as string;
      const docIsHan = field.hanAt[j] as boolean;
      let alive = false;
      for (let at = 0; at < Q; at++) {
        const here = current[at] as number;
        if (here === NONE) continue;
        const queryChar = q[at] as string;
        // Each candidate step: [query position reached, penalty of the step].
        let to1 = -1;
        let p1 = 0;
        let to2 = -1;
        let p2 = 0;
        let to3 = -1;
        let p3 = 0;
        const querySyllable = token.syllables[at];
        if (querySyllable !== undefined) {
          if (queryChar === docChar) to1 = at + 1;
          else if (querySyllable === syllable) {
            to1 = at + 1;
            p1 = 1;
          } else if (allowFolded && token.folded[at] === folded) {
            to1 = at + 1;
            p1 = 3;
          }
        } else if (queryChar === docChar) {
          to1 = at + 1;
        } else if (docIsHan) {
          if (token.text.startsWith(syllable, at)) {
            to1 = at + syllable.length;
            p1 = 1;
          }
          if (queryChar === syllable[0]) {
            to2 = at + 1;
            p2 = 2;
          }
          if (syllable.length > 2 && syllable[1] === 'h' && token.text.startsWith(syllable.slice(0, 2), at)) {
            to3 = at + 2;
            p3 = 2;
          }
          const rest = Q - at;
          if (to1 < 0 && rest >= 2 && rest < syllable.length && syllable.startsWith(token.text.slice(at))) {
            to1 = Q;
            p1 = 1;
          }
        }
        if (to1 >= 0 && Math.max(here, p1) < (next[to1] as number)) next[to1] = Math.max(here, p1);
        if (to2 >= 0 && Math.max(here, p2) < (next[to2] as number)) next[to2] = Math.max(here, p2);
        if (to3 >= 0 && Math.max(here, p3) < (next[to3] as number)) next[to3] = Math.max(here, p3);
        if (to1 >= 0 || to2 >= 0 || to3 >= 0) alive = true;
      }
      const done = next[Q] as number;
      if (done < NONE) {
        if (!best || done < best.penalty) best = { penalty: done, start, end: j + 1 };
        break;
      }
      if (!alive) break;
      [current, next] = [next, current];
    }
    if (best?.penalty === 0) break;
  }
  return best;
}

/** Cheap necessary conditions, so most products never reach the sequence match. */
function couldMatch(token: QueryToken, field: Field, allowFolded: boolean): boolean {
  let latinRunStart = true;
  for (let at = 0; at < token.chars.length; at++) {
    const querySyllable = token.syllables[at];
    if (querySyllable !== undefined) {
      latinRunStart = true;
      const present =
        field.charSet.has(token.chars[at] as string) ||
        field.syllableSet.has(querySyllable) ||
        (allowFolded && field.foldedSet.has(token.folded[at] as string));
      if (!present) return false;
    } else {
      if (
        latinRunStart &&
        !field.initialSet.has(token.chars[at] as string) &&
        !field.charSet.has(token.chars[at] as string)
      )
        return false;
      latinRunStart = false;
    }
  }
  return true;
}

function matchTyped(
  token: QueryToken,
  entry: Entry<SearchDocument>,
  indirect: boolean,
  editsAllowed: boolean,
): TokenMatch | null {
  const literal = matchLiteral(token, entry, indirect);
  if (literal && RANK[literal.tier] >= RANK.word) return literal;
  const typos = token.han
    ? token.chars.length >= MIN_HAN_FOR_TYPOS
    : token.latinOnly && token.chars.length >= MIN_LATIN_FOR_TYPOS;
  let best: TokenMatch | null = null;
  for (const field of entry.fields) {
    const sequence = matchSequence(token, field, typos && token.han);
    if (sequence) {
      const tier = TIER_BY_PENALTY[sequence.penalty] as MatchTier;
      best = better(best, {
        tier,
        indirect,
        weight: field.weight,
        start: sequence.start,
        end: sequence.end,
        field,
      });
    }
  }
  if (best || !typos || !editsAllowed) return best;
  for (const field of entry.fields) {
    const fuzzy = token.han ? fuzzyHan(token, field) : fuzzyLatin(token, field);
    if (fuzzy)
      return { tier: 'fuzzy', indirect, weight: field.weight, start: fuzzy.start, end: fuzzy.end, field };
  }
  return null;
}

function fuzzyHan(token: QueryToken, field: Field): { start: number; end: number } | null {
  let shared = 0;
  for (const c of token.chars) if (field.charSet.has(c)) shared++;
  // One edit leaves at least all characters but one in place.
  if (shared < token.chars.length - 1) return null;
  const found = approximateSubstring(token.chars, field.chars, 1);
  if (!found) return null;
  return { start: Math.max(0, found.end - token.chars.length), end: found.end };
}

function fuzzyLatin(token: QueryToken, field: Field): { start: number; end: number } | null {
  const text = token.text;
  const maxEdits = maxLatinEdits(text);
  let shared = 0;
  for (let i = 0; i + 1 < text.length; i++) if (field.fullBigrams.has(text.slice(i, i + 2))) shared++;
  // An edit breaks at most three bigrams (a swap), so fewer shared bigrams cannot be within reach.
  if (shared < text.length - 1 - 3 * maxEdits) return null;
  const found = approximateSubstring(text, field.full, maxEdits);
  if (!found || found.end === 0) return null;
  const endChar = (field.charAtFull[found.end - 1] as number) + 1;
  const startChar = field.charAtFull[Math.max(0, found.end - text.length)] as number;
  return { start: startChar, end: endChar };
}

/** A token, or failing that one of its synonym variants. */
function matchWithSynonyms(
  token: QueryToken,
  entry: Entry<SearchDocument>,
  variants: QueryToken[],
  editsAllowed: boolean,
): TokenMatch | null {
  let best = matchTyped(token, entry, false, editsAllowed);
  if (best && RANK[best.tier] >= RANK.word && !best.indirect) return best;
  for (const variant of variants) best = better(best, matchLiteral(variant, entry, true));
  return best;
}

/** Greedy longest-word split of a run-together Han query over the catalogue's vocabulary. */
function segment(text: string, vocabulary: Set<string>): string[] {
  const chars = Array.from(text);
  const parts: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let length = Math.min(4, chars.length - i);
    while (length > 1 && !vocabulary.has(chars.slice(i, i + length).join(''))) length--;
    parts.push(chars.slice(i, i + length).join(''));
    i += length;
  }
  return parts;
}

/**
 * Entries present in at least `need` of the groups, where a group is a union of posting lists.
 * Every match the matcher can find passes this, so it only has to look at these entries.
 */
function atLeast(groups: (number[] | undefined)[][], need: number, size: number, best?: number): number[] {
  if (need <= 0) need = 1;
  const count = new Uint16Array(size);
  const stamp = new Int32Array(size).fill(-1);
  const found: number[] = [];
  groups.forEach((lists, group) => {
    for (const list of lists) {
      if (!list) continue;
      for (const position of list) {
        if (stamp[position] === group) continue;
        stamp[position] = group;
        const seen = (count[position] as number) + 1;
        count[position] = seen;
        if (seen === need) found.push(position);
      }
    }
  });
  if (best === undefined || found.length <= best) return found;
  // Only the entries sharing the most grams are worth an edit-distance check.
  return found.sort((a, b) => (count[b] as number) - (count[a] as number)).slice(0, best);
}

function candidatesOf(
  index: SearchIndex<SearchDocument>,
  token: QueryToken,
  literalOnly: boolean,
): { all: Set<number>; edits: Set<number> } {
  const size = index.entries.length;
  const P = index.postings;
  const typos =
    !literalOnly &&
    (token.han
      ? token.chars.length >= MIN_HAN_FOR_TYPOS
      : token.latinOnly && token.chars.length >= MIN_LATIN_FOR_TYPOS);
  const groups = token.chars.map((char, at) => {
    const syllable = token.syllables[at];
    if (literalOnly) return [P.get(`c${char}`)];
    if (syllable === undefined) {
      const startsRun = at === 0 || token.syllables[at - 1] !== undefined;
      return [P.get(`c${char}`), P.get(startsRun ? `i${char}` : `l${char}`)];
    }
    return [P.get(`c${char}`), P.get(`s${syllable}`), typos ? P.get(`f${token.folded[at]}`) : undefined];
  });
  if (token.latinOnly && !literalOnly) {
    const pairs = openingPairs(token.text, P, index.syllables);
    if (pairs) groups.push(pairs.map((pair) => P.get(`a${pair}`)));
  }
  const result = new Set(atLeast(groups, groups.length, size));
  const edits = new Set<number>();
  if (typos && token.han)
    for (const position of atLeast(groups, groups.length - 1, size, FUZZY_CANDIDATES)) edits.add(position);
  if (typos && !token.han) {
    const maxEdits = maxLatinEdits(token.text);
    const bigrams: (number[] | undefined)[][] = [];
    for (let i = 0; i + 1 < token.text.length; i++) bigrams.push([P.get(`b${token.text.slice(i, i + 2)}`)]);
    for (const position of atLeast(bigrams, bigrams.length - 3 * maxEdits, size, FUZZY_CANDIDATES))
      edits.add(position);
  }
  if (token.chars.length >= 2)
    for (const [keyword, list] of index.keywords)
      if (
        keyword.includes(token.text) ||
        (token.text.includes(keyword) && keyword.length >= token.chars.length - 1)
      )
        for (const position of list) result.add(position);
  return { all: result, edits };
}

/**
 * Typed pinyin is read over consecutive characters, so a product can only match if it has two
 * adjacent characters whose initials are the query's first letter and the letter after its first
 * syllable (or initial) — e.g. xinxiang needs "x x" (鑫享) or "x n". Null when the whole query
 * could be one syllable.
 */
function openingPairs(text: string, postings: Map<string, number[]>, syllables: string[]): string[] | null {
  const first = text[0] as string;
  // The beginning of a single syllable (xio for xiong) is read over one character.
  if (text.length <= 6 && syllables.some((syllable) => syllable.startsWith(text))) return null;
  const pairs = new Set<string>();
  const consumed = [1];
  if (/^[zcs]h/.test(text)) consumed.push(2);
  for (let length = 2; length <= Math.min(6, text.length); length++)
    if (postings.has(`s${text.slice(0, length)}`)) consumed.push(length);
  for (const length of consumed) {
    if (length >= text.length) return null;
    pairs.add(`${first}${text[length]}`);
  }
  return [...pairs];
}

interface Candidates {
  /** Entries that may match each token without edits (or through a synonym). */
  positions: number[];
  /** Per token, the entries worth an edit-distance check. */
  edits: Set<number>[];
}

function queryCandidates(index: SearchIndex<SearchDocument>, query: PreparedQuery): Candidates {
  let result: Set<number> | null = null;
  const edits: Set<number>[] = [];
  query.tokens.forEach((token, i) => {
    const own = candidatesOf(index, token, false);
    for (const variant of query.variants[i] ?? [])
      for (const position of candidatesOf(index, variant, true).all) own.all.add(position);
    for (const position of own.edits) own.all.add(position);
    edits.push(own.edits);
    const previous: Set<number> | null = result;
    result = previous === null ? own.all : new Set([...previous].filter((position) => own.all.has(position)));
  });
  return { positions: [...((result as Set<number> | null) ?? [])].sort((a, b) => a - b), edits };
}

interface PreparedQuery {
  tokens: QueryToken[];
  variants: QueryToken[][];
}

function prepare(tokens: string[]): PreparedQuery {
  const prepared = tokens.map((token) => makeToken(token));
  return {
    tokens: prepared,
    variants: tokens.map((t) => synonymVariants(t).map((v) => makeToken(v, false))),
  };
}

function matchEntry(
  query: PreparedQuery,
  entry: Entry<SearchDocument>,
  position: number,
  edits: Set<number>[] | null,
): TokenMatch[] | null {
  const matches: TokenMatch[] = [];
  for (let i = 0; i < query.tokens.length; i++) {
    const editsAllowed = edits?.[i]?.has(position) ?? false;
    const match = matchWithSynonyms(
      query.tokens[i] as QueryToken,
      entry,
      query.variants[i] as QueryToken[],
      editsAllowed,
    );
    if (!match) return null;
    matches.push(match);
  }
  return matches;
}

function highlightsOf(matches: TokenMatch[], positions: number[]): Highlight[] {
  const ranges: Highlight[] = [];
  for (const m of matches) {
    if (!m.field || m.field.offsetInName < 0 || m.end <= m.start) continue;
    const first = positions[m.field.offsetInName + m.start];
    const last = positions[m.field.offsetInName + m.end - 1];
    if (first === undefined || last === undefined) continue;
    ranges.push({ start: first, end: last + 1 });
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: Highlight[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

function passesFilters(doc: SearchDocument, options: SearchOptions): boolean {
  if (options.category && doc.category !== options.category && !doc.tags.includes(options.category))
    return false;
  if (options.age !== undefined && (options.age < doc.minAge || options.age > doc.maxAge)) return false;
  if (options.paymentTerm && !doc.paymentTerms.includes(options.paymentTerm)) return false;
  return true;
}

const HINT_SHORT = '再多输入一个字或字母，可按产品名称、拼音或首字母搜索；先看看热销产品';
const HINT_UNUSABLE = '没有识别到可搜索的文字，请输入产品名称、拼音或首字母；先看看热销产品';
const HINT_NONE = '没有找到相关产品，换个说法试试（如产品简称、拼音首字母），或看看热销产品';
const HINT_TRUNCATED = '搜索词较长，已按前 32 个字搜索';

export function searchProducts<D extends SearchDocument>(
  index: SearchIndex<D>,
  rawQuery: string | undefined,
  options: SearchOptions = {},
): SearchResult<D> {
  const limit = options.limit ?? 10;
  const cleaned = cleanQuery(rawQuery);
  const compact = cleaned.text.replace(/ /g, '');
  const eligible = (entry: Entry<D>) =>
    (options.includeOffSale || entry.doc.onSale) && passesFilters(entry.doc, options);

  if (Array.from(compact).length <= 1) {
    // Empty or one character: the hot list, with products containing that character first.
    const hits = index.byHotness
      .filter(eligible)
      .map((entry) => {
        const at = compact && entry.fields[0] ? charIndex(entry.fields[0].text, compact) : -1;
        const initial = compact && !isHan(compact) && entry.fields[0]?.syllables[0]?.startsWith(compact);
        return {
          doc: entry.doc,
          tier: (at === 0 || initial ? 'prefix' : 'word') as MatchTier,
          indirect: at < 0 && !initial,
          score: (at >= 0 || initial ? 100 : 0) + 30 * entry.hot,
          highlights:
            at >= 0
              ? [{ start: entry.namePositions[at] ?? 0, end: (entry.namePositions[at] ?? 0) + 1 }]
              : initial
                ? [{ start: 0, end: 1 }]
                : [],
        };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const hint = cleaned.unusable ? HINT_UNUSABLE : compact ? HINT_SHORT : undefined;
    return { query: compact, mode: 'hot', hits, ...(hint ? { hint } : {}) };
  }

  const whole = prepare(cleaned.text.split(' ').filter(Boolean));
  const hits: SearchHit<D>[] = [];
  const matched = new Set<number>();
  const candidates = queryCandidates(index as SearchIndex<SearchDocument>, whole);
  const pass = (edits: Set<number>[] | null) => {
    for (const position of candidates.positions) {
      const entry = index.entries[position] as Entry<D>;
      if (matched.has(position) || !passesFilters(entry.doc, options)) continue;
      const matches = matchEntry(whole, entry, position, edits);
      if (!matches) continue;
      hits.push(toHit(entry, matches));
      matched.add(position);
    }
  };
  pass(null);
  // Typo matches rank below every other kind, so they are only looked for when the page has room.
  if (hits.length < limit) pass(candidates.edits);
  // Run-together words (儿童重疾): split on the catalogue's vocabulary and require every part.
  if (whole.tokens.length === 1 && whole.tokens[0]?.han && compact.length >= 4) {
    const parts = segment(compact, index.vocabulary).filter((p) => p.length >= 2);
    if (parts.length >= 2) {
      const split = prepare(parts);
      for (const position of queryCandidates(index as SearchIndex<SearchDocument>, split).positions) {
        const entry = index.entries[position] as Entry<D>;
        if (matched.has(position) || !passesFilters(entry.doc, options)) continue;
        const matches = matchEntry(split, entry, position, null);
        if (matches)
          hits.push(
            toHit(
              entry,
              matches.map((m) => ({ ...m, tier: RANK[m.tier] > RANK.word ? ('word' as const) : m.tier })),
            ),
          );
      }
    }
  }
  // Off-sale products only show for an exact or prefix match of their own name.
  const visible = hits.filter((h) => h.doc.onSale || options.includeOffSale || RANK[h.tier] >= RANK.prefix);
  visible.sort(
    (a, b) => b.score - a.score || b.doc.hotness - a.doc.hotness || a.doc.id.localeCompare(b.doc.id),
  );
  const hint = visible.length === 0 ? HINT_NONE : cleaned.truncated ? HINT_TRUNCATED : undefined;
  const page = visible
    .slice(0, limit)
    .map((hit) => ({ ...hit, highlights: pendingHighlights.get(hit)?.() ?? [] }));
  return { query: cleaned.text, mode: 'search', hits: page, ...(hint ? { hint } : {}) };
}

const pendingHighlights = new WeakMap<object, () => Highlight[]>();

function toHit<D extends SearchDocument>(entry: Entry<D>, matches: TokenMatch[]): SearchHit<D> {
  let worst = matches[0] as TokenMatch;
  for (const m of matches) if (RANK[m.tier] < RANK[worst.tier]) worst = m;
  const indirect = matches.some((m) => m.indirect);
  const nameLength = entry.fields[0]?.chars.length ?? 1;
  const covered = matches.reduce((sum, m) => sum + (m.end - m.start), 0);
  const coverage = Math.min(1, covered / nameLength);
  const atStart = matches.some((m) => m.start === 0 && m.field?.offsetInName === 0);
  const score =
    RANK[worst.tier] * 100 +
    30 * entry.hot +
    10 * Math.min(...matches.map((m) => m.weight)) +
    10 * coverage +
    (atStart ? 5 : 0) -
    (indirect ? 15 : 0);
  const hit: SearchHit<D> = { doc: entry.doc, tier: worst.tier, indirect, score, highlights: [] };
  // Highlights are worked out only for the hits that make the page (see searchProducts).
  pendingHighlights.set(hit, () => highlightsOf(matches, entry.namePositions));
  return hit;
}

/** indexOf counted in characters rather than UTF-16 units (-1 when absent). */
function charIndex(haystack: string, needle: string): number {
  const at = haystack.indexOf(needle);
  return at < 0 ? -1 : Array.from(haystack.slice(0, at)).length;
}
