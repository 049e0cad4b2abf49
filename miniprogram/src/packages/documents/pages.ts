import type Taro from '@tarojs/taro';

/** Electronic documents (电子批单): 我的批单, preview, signing screen, public verification. */
export const documentsPackage: Taro.SubPackage = {
  root: 'packages/documents',
  pages: ['list/index', 'detail/index', 'sign/index', 'verify/index'],
};
