import type Taro from '@tarojs/taro';

/**
 * Service standards (服务标准看板) for staff and admins: attainment per journey and standard
 * against its required share, the chosen standard's trend and branches, the worst touchpoints and
 * the breached cases with their timeline, drawn with `@antv/f2`.
 */
export const standardsPackage: Taro.SubPackage = {
  root: 'packages/standards',
  pages: ['dashboard/index'],
};
