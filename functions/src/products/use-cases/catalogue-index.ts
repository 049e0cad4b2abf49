import type { CatalogueRepository } from '@zhixiang/shared/ports/product-catalogue';
import type { CatalogueProductRecord } from '@zhixiang/shared/product/catalogue';
import { buildSearchIndex, type SearchIndex } from '@zhixiang/shared/search/engine';

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
  const index = catalogue
    .list()
    .then((products) => buildSearchIndex(products.map((p) => ({ ...p, id: p.productCode }))));
  // A failed load is not cached: the next request tries again.
  index.catch(() => cache.delete(catalogue));
  cache.set(catalogue, { index, builtAt: now });
  return index;
}

/** Tests and the import: the next search rebuilds the index. */
export function forgetCatalogueIndex(catalogue: CatalogueRepository): void {
  cache.delete(catalogue);
}
