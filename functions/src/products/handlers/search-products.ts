import { ProductSearchQuerySchema } from '@zhixiang/shared/product/catalogue';
import { searchProductsRoute } from '@zhixiang/shared/product/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { searchProducts } from '../use-cases/search-products';
import { productsWiring } from '../wiring';

export const handler = httpHandler(searchProductsRoute, productsWiring, ({ query, deps, requestId }) => {
  const { q, category, age, paymentTerm, limit } = parseBody(ProductSearchQuerySchema, query);
  return searchProducts(
    {
      catalogue: deps.repositories.catalogue,
      activity: deps.repositories.productActivity,
      now: deps.now,
      logger: deps.logger,
      recordTiming: (events) => deps.measurements.record(events),
    },
    { q, category, age, paymentTerm, limit },
    requestId,
  );
});
