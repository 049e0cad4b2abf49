import type Taro from '@tarojs/taro';

/** The customer-voice stream (客户之声): 我要吐槽 for customers; the stream, clusters and reporting for staff. */
export const voicePackage: Taro.SubPackage = {
  root: 'packages/voice',
  pages: ['rant/index', 'stream/index'],
};
