import type Taro from '@tarojs/taro';

/** The agent's customers and one customer's policies. */
export const agentPackage: Taro.SubPackage = {
  root: 'packages/agent',
  pages: ['customers/index', 'customer-policies/index'],
};
