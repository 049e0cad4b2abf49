import type { RouteSpec } from '../api/route-spec';
import { ProductDetailSchema, ProductSearchResponseSchema } from './catalogue';

/** Product search (知客) is open: anyone in WeChat may browse products without signing in. */
export const productRoutes = {
  searchProducts: {
    method: 'GET',
    path: '/products/search',
    auth: 'public',
    response: ProductSearchResponseSchema,
  },
  getProduct: {
    method: 'GET',
    path: '/products/{productCode}',
    auth: 'public',
    response: ProductDetailSchema,
  },
} as const satisfies Record<string, RouteSpec>;
