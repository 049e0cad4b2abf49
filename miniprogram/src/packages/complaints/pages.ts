import type Taro from '@tarojs/taro';

/**
 * Complaints (投诉工单): 我要投诉, 我的投诉, one complaint (timeline; staff handling), the staff queue,
 * and the staff's report (投诉报表).
 */
export const complaintsPackage: Taro.SubPackage = {
  root: 'packages/complaints',
  pages: ['file/index', 'list/index', 'detail/index', 'queue/index', 'report/index'],
};
