import type { CatalogueRepository, SearchableProduct } from '@zhixiang/shared/ports/product-catalogue';
import type { CatalogueProductRecord } from '@zhixiang/shared/product/catalogue';
import { buildSearchIndex, type ReadSyllables, type SearchIndex } from '@zhixiang/shared/search/engine';
import { normaliseText } from '@zhixiang/shared/search/text';

export type CatalogueDocument = CatalogueProductRecord & { id: string };

/**
 * The search index lives in the Lambda process: built from one Query of the catalogue on first
 * use and rebuilt when older than five minutes, so an import or the hotness job shows up within
 * that time without any coordination. Keyed by repository so tests with their own tables never
 * share an index.
 */
export const INDEX_MAX_AGE_MS = 5 * 60_000;

interface Cached {
  index: Promise<SearchIndex<CatalogueDocument>>;
  builtAt: number;
}

const cache = new WeakMap<CatalogueRepository, Cached>();

export function catalogueIndex(
  catalogue: CatalogueRepository,
  now: number,
): Promise<SearchIndex<CatalogueDocument>> {
  const cached = cache.get(catalogue);
  if (cached && now - cached.builtAt < INDEX_MAX_AGE_MS) return cached.index;
  const index = catalogue.listSearchable().then(async (products) =>
    buildSearchIndex(
      products.map(({ syllables: _, ...p }) => ({ ...p, id: p.productCode })),
      await storedSyllables(products),
    ),
  );
  // A failed load is not cached: the next request tries again.
  index.catch(() => cache.delete(catalogue));
  cache.set(catalogue, { index, builtAt: now });
  return index;
}

/**
 * Each name's syllables as the catalogue stored them. A product written before they were stored
 * (or whose stored syllables no longer fit its name) is read by pinyin-pro, loaded for that only.
 */
async function storedSyllables(products: readonly SearchableProduct[]): Promise<ReadSyllables> {
  const stored = new Map<string, readonly string[]>();
  for (const { name, shortName, syllables } of products) {
    if (!syllables) continue;
    stored.set(normaliseText(name), syllables.name);
    stored.set(normaliseText(shortName), syllables.shortName);
  }
  const fits = (text: string) => stored.get(text)?.length === Array.from(text).length;
  const complete = products.every((p) => fits(normaliseText(p.name)) && fits(normaliseText(p.shortName)));
  const pinyin = complete ? undefined : await import('@zhixiang/shared/search/pinyin');
  return (chars) => {
    const syllables = stored.get(chars.join(''));
    if (syllables && syllables.length === chars.length) return [...syllables];
    // Unreachable when complete: every name and short name fits what was stored.
    if (!pinyin) throw new Error('a catalogue name without stored syllables');
    return pinyin.syllablesOf(chars);
  };
}

/** Tests and the import: the next search rebuilds the index. */
export function forgetCatalogueIndex(catalogue: CatalogueRepository): void {
  cache.delete(catalogue);
}
