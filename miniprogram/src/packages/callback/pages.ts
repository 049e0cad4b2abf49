import type Taro from '@tarojs/taro';

/** New-policy callback: booking, the online self-callback, and the call centre's console (回访工作台). */
export const callbackPackage: Taro.SubPackage = {
  root: 'packages/callback',
  pages: ['book/index', 'online/index', 'call-centre/index'],
};
