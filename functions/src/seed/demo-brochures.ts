import { brand } from '@zhixiang/shared/brand';
import type { CatalogueProductRecord } from '@zhixiang/shared/product/catalogue';
import { mapConcurrently } from '../platform/concurrency';
import type { BrochureStore } from '../products/adapters/brochure-links';
import { renderProductBrochure } from '../products/adapters/render-brochure';

/**
 * Uploads a one-page Chinese product summary, made from the catalogue's data, for every demo
 * product that has a brochure key and no file yet, so the product page's 产品说明书 opens a real
 * document locally. An insurer uploads its own brochures to the same keys.
 */
export async function seedDemoBrochures(
  store: BrochureStore,
  products: readonly CatalogueProductRecord[],
): Promise<number> {
  const wanted = products.filter(
    (p): p is CatalogueProductRecord & { brochureKey: string } => p.brochureKey !== null,
  );
  let uploaded = 0;
  await mapConcurrently(wanted, 8, async (product) => {
    if (await store.has(product.brochureKey)) return;
    await store.put(product.brochureKey, await renderProductBrochure(product, brand));
    uploaded++;
  });
  return uploaded;
}
