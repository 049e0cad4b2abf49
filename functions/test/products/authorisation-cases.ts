import type { productRoutes } from '@zhixiang/shared/product/routes';
import { all, type CasesFor } from '../support/authorisation-matrix';

export const productCases: CasesFor<typeof productRoutes> = {
  // Public routes: anyone may browse products, signed in or not.
  searchProducts: { method: 'GET', path: '/products/search', expected: all(200) },
  getProduct: { method: 'GET', path: '/products/CI01', expected: all(200) },
};
