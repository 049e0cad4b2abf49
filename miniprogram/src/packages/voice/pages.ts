import type Taro from '@tarojs/taro';

/**
 * The customer-voice stream (客户之声): 我要吐槽 for customers; the stream, clusters, reporting and
 * rectification (整改) for staff and executives; executives' listen-in on live handoff chats.
 */
export const voicePackage: Taro.SubPackage = {
  root: 'packages/voice',
  pages: [
    'rant/index',
    'stream/index',
    'rectifications/index',
    'rectification/index',
    'rectification-new/index',
    'handoffs/index',
  ],
};
