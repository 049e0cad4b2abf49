import type Taro from '@tarojs/taro';

/**
 * Complaints (投诉工单): 我要投诉, 我的投诉, one complaint (timeline; staff handling) and the staff
 * queue. The staff's report (投诉报表) draws charts, so it lives with the other chart pages in the
 * standards subpackage: a customer filing a complaint downloads no chart library.
 */
export const complaintsPackage: Taro.SubPackage = {
  root: 'packages/complaints',
  pages: ['file/index', 'list/index', 'detail/index', 'queue/index'],
};
