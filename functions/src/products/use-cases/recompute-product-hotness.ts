import { addDays, daysBetween, todayInShanghai } from '@zhixiang/shared/format/dates';
import type {
  CatalogueRepository,
  ProductActivityRepository,
} from '@zhixiang/shared/ports/product-catalogue';
import { nextHotness } from '@zhixiang/shared/product/hotness';
import { mapConcurrently } from '../../platform/concurrency';

export interface RecomputeHotnessDeps {
  catalogue: CatalogueRepository;
  activity: ProductActivityRepository;
  now: () => number;
}

export interface RecomputeHotnessReport {
  day: string;
  products: number;
  updated: number;
  alreadyCurrent: number;
}

const CONCURRENT_WRITES = 8;

/**
 * The nightly job: folds yesterday's activity (Asia/Shanghai) into every product's hotness with
 * decay. Idempotent: each product remembers the day it is computed through, so a retried or
 * doubled run changes nothing; a missed night is caught up by decaying over the gap.
 */
export async function recomputeProductHotness(
  deps: RecomputeHotnessDeps,
  day?: string,
): Promise<RecomputeHotnessReport> {
  const through = day ?? addDays(todayInShanghai(new Date(deps.now())), -1);
  const [products, activity] = await Promise.all([
    deps.catalogue.listHotness(),
    deps.activity.listDay(through),
  ]);
  const byCode = new Map(activity.map((a) => [a.productCode, a]));
  const due = products.filter((p) => !p.asOf || p.asOf < through);
  await mapConcurrently(due, CONCURRENT_WRITES, async (product) => {
    // A product never computed before starts from its imported hotness, decayed over one day.
    const days = product.asOf ? daysBetween(product.asOf, through) : 1;
    const hotness = nextHotness(product.hotness, days, byCode.get(product.productCode) ?? null);
    await deps.catalogue.setHotness(product.productCode, hotness, through);
  });
  return {
    day: through,
    products: products.length,
    updated: due.length,
    alreadyCurrent: products.length - due.length,
  };
}
