import type Taro from '@tarojs/taro';

/** The call centre's seat: the screen-pop of a call the phone system identified (来电弹屏). */
export const ivrPackage: Taro.SubPackage = {
  root: 'packages/ivr',
  pages: ['screen-pop/index'],
};
