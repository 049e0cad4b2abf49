import { routes } from '@zhixiang/shared/api/routes';
import { ProductCodeSchema } from '@zhixiang/shared/product/catalogue';
import * as z from 'zod/mini';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getProduct } from '../use-cases/get-product';

const ProductPathSchema = z.object({ productCode: ProductCodeSchema });

export const handler = httpHandler(routes.getProduct, ({ pathParameters, container }) => {
  const { productCode } = parseBody(ProductPathSchema, pathParameters);
  return getProduct(
    {
      catalogue: container.repositories.catalogue,
      activity: container.repositories.productActivity,
      brochures: container.brochureLinks,
      now: container.now,
      logger: container.logger,
    },
    productCode,
  );
});
