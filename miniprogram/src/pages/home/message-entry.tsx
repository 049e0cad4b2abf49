import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { usePageData, useReloadOnShow } from '../../hooks/use-page-data';
import { pageUrls, TAB_PAGES } from '../../lib/navigation';
import { api } from '../../services/api';

/** The 首页 tab carries the unread count too, where the client supports tab badges (WeChat). */
function showTabBadge(unread: number): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const index = TAB_PAGES.indexOf('/pages/home/index');
  const done =
    unread > 0
      ? Taro.setTabBarBadge({ index, text: unread > 99 ? '99+' : String(unread) })
      : Taro.removeTabBarBadge({ index });
  void Promise.resolve(done).catch(() => undefined);
}

/**
 * 消息中心 on the customer's home: the unread count as a badge, re-read whenever the home shows
 * again (a message read in the centre, or a result seen on its application, takes it down).
 */
export function MessageCentreEntry() {
  const data = usePageData(() => api.getMyUnreadMessageCount());
  useReloadOnShow(data);
  const unread = data.state.status === 'ready' ? data.state.data.unread : 0;
  useEffect(() => showTabBadge(unread), [unread]);
  return (
    <View
      className="zx-card zx-home__entry zx-home__messages"
      data-testid="entry-messages"
      onClick={() => void Taro.navigateTo({ url: pageUrls.messageCentre })}
    >
      <View className="zx-home__section-head">
        <Text className="zx-home__entry-title">消息中心</Text>
        {unread > 0 ? (
          <Text className="zx-home__badge" data-testid="messages-unread">
            {unread > 99 ? '99+' : unread}
          </Text>
        ) : null}
      </View>
      <Text className="zx-muted">
        {unread > 0 ? `您有 ${unread} 条未读消息` : '审核结果、还款到账、续期扣款等通知'}
      </Text>
    </View>
  );
}
