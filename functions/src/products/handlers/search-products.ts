import { routes } from '@zhixiang/shared/api/routes';
import { ProductSearchQuerySchema } from '@zhixiang/shared/product/catalogue';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { searchProducts } from '../use-cases/search-products';

export const handler = httpHandler(routes.searchProducts, ({ query, container }) => {
  const { q, category, age, paymentTerm, limit } = parseBody(ProductSearchQuerySchema, query);
  return searchProducts(
    {
      catalogue: container.repositories.catalogue,
      activity: container.repositories.productActivity,
      now: container.now,
      logger: container.logger,
    },
    { q, category, age, paymentTerm, limit },
  );
});
