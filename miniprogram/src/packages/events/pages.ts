import type Taro from '@tarojs/taro';

/** Club events (客户俱乐部活动): the events list, one event (sessions, registration, waiting list), 我的活动. */
export const eventsPackage: Taro.SubPackage = {
  root: 'packages/events',
  pages: ['list/index', 'detail/index', 'mine/index'],
};
