import { scheduledJob } from '../../platform/jobs/scheduled-job';
import { recomputeProductHotness } from '../use-cases/recompute-product-hotness';
import { productsWiring } from '../wiring';

/** EventBridge schedule (products/functions.yml), nightly. */
export const handler = scheduledJob(
  productsWiring,
  (deps) =>
    recomputeProductHotness({
      catalogue: deps.repositories.catalogue,
      activity: deps.repositories.productActivity,
      now: deps.now,
    }),
  { logMessage: 'product hotness recomputed' },
);
