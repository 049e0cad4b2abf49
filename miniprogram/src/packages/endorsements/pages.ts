import type Taro from '@tarojs/taro';

/**
 * Endorsements (保全): one form per type, the application (review → identity → sign → submit → result),
 * 我的申请, the agent's workspace for one customer, the staff review queue (保全审核), and the
 * holder's other account after a failed payout (更换收款账户).
 */
export const endorsementsPackage: Taro.SubPackage = {
  root: 'packages/endorsements',
  pages: [
    'apply/index',
    'application/index',
    'list/index',
    'customer/index',
    'reviews/index',
    'payout-account/index',
  ],
};
