import type Taro from '@tarojs/taro';

/** The message centre (消息中心): every notification the customer received, with its read state. */
export const messagesPackage: Taro.SubPackage = {
  root: 'packages/messages',
  pages: ['centre/index'],
};
