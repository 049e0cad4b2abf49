import { type RouteSpec, responds } from '../api/route-spec';
import type { ProductDetailSchema, ProductSearchResponseSchema } from './catalogue';

export const searchProductsRoute = {
  method: 'GET',
  path: '/products/search',
  auth: 'public',
  response: responds<typeof ProductSearchResponseSchema>(),
} as const satisfies RouteSpec;

export const getProductRoute = {
  method: 'GET',
  path: '/products/{productCode}',
  auth: 'public',
  response: responds<typeof ProductDetailSchema>(),
} as const satisfies RouteSpec;

/** Product search (知客) is open: anyone in WeChat may browse products without signing in. */
export const productRoutes = {
  searchProducts: searchProductsRoute,
  getProduct: getProductRoute,
} as const satisfies Record<string, RouteSpec>;
