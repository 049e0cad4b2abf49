import type Taro from '@tarojs/taro';

/**
 * Club events (客户俱乐部活动): the events list, one event (sessions, registration, waiting list, the
 * entry QR code), 我的活动; for staff, their subtree's events and each event's door (check-in by
 * QR, offline queue, walk-ins) and report, and the page that creates, edits and publishes an event.
 */
export const eventsPackage: Taro.SubPackage = {
  root: 'packages/events',
  pages: [
    'list/index',
    'detail/index',
    'mine/index',
    'staff/index',
    'door/index',
    'report/index',
    'edit/index',
  ],
};
