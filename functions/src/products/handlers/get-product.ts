import { ProductCodeSchema } from '@zhixiang/shared/product/catalogue';
import { getProductRoute } from '@zhixiang/shared/product/routes';
import * as z from 'zod/mini';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getProduct } from '../use-cases/get-product';
import { productsWiring } from '../wiring';

const ProductPathSchema = z.object({ productCode: ProductCodeSchema });

export const handler = httpHandler(getProductRoute, productsWiring, ({ pathParameters, deps, sourceIp }) => {
  const { productCode } = parseBody(ProductPathSchema, pathParameters);
  return getProduct(
    {
      catalogue: deps.repositories.catalogue,
      activity: deps.repositories.productActivity,
      brochures: deps.brochureLinks,
      now: deps.now,
      logger: deps.logger,
    },
    productCode,
    `ip:${sourceIp ?? 'unknown'}`,
  );
});
