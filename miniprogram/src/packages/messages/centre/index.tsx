import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import type { Message, MessageListResponse } from '@zhixiang/shared/notifications/schemas';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import './messages.scss';

/** Where a message leads: its application, its letter, or the club event the customer registered for. */
function subjectUrl(message: Message): string {
  switch (message.subject.kind) {
    case 'application':
      return pageUrls.endorsementApplication(message.subject.applicationId);
    case 'letter':
      return pageUrls.letterDetail(message.subject.letterId);
    case 'event_registration':
      return pageUrls.eventDetail(message.subject.eventId);
  }
}

/**
 * 消息中心: every notification the customer received — review results, money steps, renewal
 * notices, club events' offers and reminders — newest first, each with the channel that carried it and its read state. Tapping one
 * reads it and opens its subject; 全部已读 reads them all. Older pages load on demand.
 */
export default function MessageCentrePage() {
  const data = usePageData(() => api.listMyMessages());
  const [older, setOlder] = useState<{ messages: Message[]; nextCursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  useReloadOnShow(data);

  const reload = async () => {
    setOlder(null);
    await data.reload();
  };

  const open = async (message: Message) => {
    if (!message.read) await api.readMyMessage(message.messageId, { silent: true }).catch(() => undefined);
    void Taro.navigateTo({ url: subjectUrl(message) });
  };

  const readAll = async () => {
    setBusy(true);
    try {
      await api.readAllMyMessages({});
      await reload();
    } catch (error) {
      void Taro.showToast({
        title: error instanceof ApiError ? error.message : '操作未完成，请稍后再试',
        icon: 'none',
      });
    } finally {
      setBusy(false);
    }
  };

  const loadMore = async (cursor: string) => {
    setBusy(true);
    try {
      const page = await api.listMyMessages({ query: { before: cursor } });
      setOlder((seen) => ({
        messages: [...(seen?.messages ?? []), ...page.messages],
        nextCursor: page.nextCursor,
      }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看消息"
      isEmpty={(view: MessageListResponse) => view.messages.length === 0}
      empty={{
        title: '暂无消息',
        description: '申请审核结果、还款到账、续期扣款等通知会出现在这里',
      }}
    >
      {(view) => {
        const messages = [...view.messages, ...(older?.messages ?? [])];
        const cursor = older ? older.nextCursor : view.nextCursor;
        return (
          <View className="zx-messages" data-testid="message-list">
            <View className="zx-messages__head">
              <Text data-testid="messages-unread-count">
                {view.unread > 0 ? `${view.unread} 条未读` : '全部已读'}
              </Text>
              {view.unread > 0 ? (
                <Button size="small" disabled={busy} onClick={() => void readAll()} data-testid="read-all">
                  全部已读
                </Button>
              ) : null}
            </View>
            {messages.map((message) => (
              <View
                key={message.messageId}
                className="zx-card zx-messages__item"
                data-testid="message-item"
                data-read={message.read ? 'yes' : 'no'}
                onClick={() => void open(message)}
              >
                <View className="zx-messages__row">
                  <Text className="zx-card__title">
                    {message.read ? null : <Text className="zx-messages__unread" />}
                    {message.title}
                  </Text>
                  <Tag type={message.read ? 'default' : 'danger'}>{message.read ? '已读' : '未读'}</Tag>
                </View>
                <Text className="zx-messages__text">{message.text}</Text>
                <Text className="zx-muted">
                  {formatShanghaiDateTime(message.sentAt)} · {message.delivery}
                </Text>
              </View>
            ))}
            {cursor ? (
              <View
                className="zx-messages__more"
                data-testid="messages-more"
                onClick={() => (busy ? undefined : void loadMore(cursor))}
              >
                {busy ? '正在加载…' : '查看更早的消息'}
              </View>
            ) : null}
          </View>
        );
      }}
    </PageContainer>
  );
}
