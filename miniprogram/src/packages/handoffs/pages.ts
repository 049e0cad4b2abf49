import type Taro from '@tarojs/taro';

/** The staff handoff console (queue, live chat with context) and the knowledge base's improvement report. */
export const handoffsPackage: Taro.SubPackage = {
  root: 'packages/handoffs',
  pages: ['queue/index', 'chat/index', 'feedback/index'],
};
