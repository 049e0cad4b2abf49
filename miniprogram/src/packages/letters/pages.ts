import type Taro from '@tarojs/taro';

/** E-letters and renewal notices: 我的信函, a letter, settings, a letter by its link, the funnel. */
export const lettersPackage: Taro.SubPackage = {
  root: 'packages/letters',
  pages: ['list/index', 'detail/index', 'settings/index', 'open/index', 'funnel/index'],
};
