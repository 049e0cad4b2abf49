import type { Logger } from '@aws-lambda-powertools/logger';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type {
  CatalogueRepository,
  ProductActivityRepository,
} from '@zhixiang/shared/ports/product-catalogue';
import type {
  CatalogueProductRecord,
  ProductSearchResponse,
  ProductSummary,
} from '@zhixiang/shared/product/catalogue';
import { productSearchMeasurements } from '@zhixiang/shared/product/measurement';
import { searchProducts as runSearch } from '@zhixiang/shared/search/engine';
import type { MeasurementEvent } from '@zhixiang/shared/standards/measure';
import { catalogueIndex } from './catalogue-index';

export interface ProductSearchDeps {
  catalogue: CatalogueRepository;
  activity: ProductActivityRepository;
  now: () => number;
  logger: Pick<Logger, 'warn'>;
  /** Writes the search's timing to the service standards' measurement stream (one request). */
  recordTiming?: (events: MeasurementEvent[]) => Promise<void>;
}

export interface ProductSearchQuery {
  q?: string | undefined;
  category?: string | undefined;
  age?: number | undefined;
  paymentTerm?: string | undefined;
  limit?: number | undefined;
}

/** How many of the first results count as "seen in search" for hotness. */
const COUNTED_HITS = 3;
/** How many hot products a search that found nothing suggests. */
const SUGGESTED_PRODUCTS = 5;

/**
 * Search open to anyone (no sign-in). Bad input never fails: the engine cleans the query and
 * answers with the hot list or an empty list plus a Chinese hint.
 */
export async function searchProducts(
  deps: ProductSearchDeps,
  query: ProductSearchQuery,
  requestId?: string,
): Promise<ProductSearchResponse> {
  const receivedAt = deps.now();
  const index = await catalogueIndex(deps.catalogue, receivedAt);
  const filters = {
    ...(query.category ? { category: query.category } : {}),
    ...(query.age !== undefined ? { age: query.age } : {}),
    ...(query.paymentTerm ? { paymentTerm: query.paymentTerm } : {}),
  };
  const result = runSearch(index, query.q, { ...filters, limit: query.limit ?? 20 });
  // Nothing found: the hot list with the same filters, so the customer is never left empty-handed.
  const suggestions =
    result.mode === 'search' && result.hits.length === 0
      ? runSearch(index, '', { ...filters, limit: SUGGESTED_PRODUCTS }).hits.map((hit) => summary(hit.doc))
      : [];
  const answeredAt = deps.now();
  const day = todayInShanghai(new Date(answeredAt));
  // Popularity and the timing are best effort, written side by side: a failed write must not
  // fail the customer's search.
  await Promise.all([
    ...(result.mode === 'search' ? result.hits.slice(0, COUNTED_HITS) : []).map((hit) =>
      deps.activity
        .add(day, hit.doc.productCode, { searchHits: 1 })
        .catch((error: unknown) =>
          deps.logger.warn('search activity not recorded', { productCode: hit.doc.productCode, error }),
        ),
    ),
    ...(deps.recordTiming && requestId
      ? [
          deps
            .recordTiming(
              productSearchMeasurements({
                requestId,
                receivedAt,
                answeredAt,
                branchPath: null,
                actor: 'visitor',
              }),
            )
            .catch((error: unknown) => deps.logger.warn('search timing not recorded', { error })),
        ]
      : []),
  ]);
  return {
    query: result.query,
    mode: result.mode,
    hits: result.hits.map((hit) => ({
      product: summary(hit.doc),
      highlights: hit.highlights,
      matchedBy: hit.indirect ? 'related' : hit.tier,
    })),
    ...(result.hint ? { hint: result.hint } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

function summary(doc: CatalogueProductRecord): ProductSummary {
  return {
    productCode: doc.productCode,
    name: doc.name,
    shortName: doc.shortName,
    category: doc.category,
    tags: doc.tags,
    minAge: doc.minAge,
    maxAge: doc.maxAge,
    paymentTerms: doc.paymentTerms,
    onSale: doc.onSale,
    hotness: doc.hotness,
  };
}
