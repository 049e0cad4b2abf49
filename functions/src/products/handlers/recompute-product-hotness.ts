import { recomputeProductHotness } from '../use-cases/recompute-product-hotness';
import { productsWiring } from '../wiring';

/** EventBridge schedule (serverless.yml): no HTTP, so not wrapped by the HTTP middleware. */
export async function handler(): Promise<void> {
  const deps = productsWiring();
  const report = await recomputeProductHotness({
    catalogue: deps.repositories.catalogue,
    activity: deps.repositories.productActivity,
    now: deps.now,
  });
  deps.logger.info('product hotness recomputed', { ...report });
}
