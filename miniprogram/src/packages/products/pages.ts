import type Taro from '@tarojs/taro';

/** Products (知客): search and a product's detail. */
export const productsPackage: Taro.SubPackage = {
  root: 'packages/products',
  pages: ['search/index', 'detail/index'],
};
