import type Taro from '@tarojs/taro';

/** Payments (付款): finance staff's reconciliation of payouts with no result in time (付款对账). */
export const paymentsPackage: Taro.SubPackage = {
  root: 'packages/payments',
  pages: ['reconciliation/index'],
};
