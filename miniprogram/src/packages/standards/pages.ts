import type Taro from '@tarojs/taro';

/**
 * The staff's chart pages, drawn with `@antv/f2`: the service standards (服务标准看板: attainment per
 * journey and standard against its required share, the chosen standard's trend and branches, the
 * worst touchpoints and the breached cases with their timeline) and the complaints report
 * (投诉报表: per 10,000 policies, SLA attainment, repeats, satisfaction, open rectifications).
 */
export const standardsPackage: Taro.SubPackage = {
  root: 'packages/standards',
  pages: ['dashboard/index', 'complaint-report/index'],
};
