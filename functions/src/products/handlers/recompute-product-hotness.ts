import { getContainer } from '../../container';
import { recomputeProductHotness } from '../use-cases/recompute-product-hotness';

/** EventBridge schedule (serverless.yml): no HTTP, so not wrapped by the HTTP middleware. */
export async function handler(): Promise<void> {
  const container = getContainer();
  const report = await recomputeProductHotness({
    catalogue: container.repositories.catalogue,
    activity: container.repositories.productActivity,
    now: container.now,
  });
  container.logger.info('product hotness recomputed', { ...report });
}
