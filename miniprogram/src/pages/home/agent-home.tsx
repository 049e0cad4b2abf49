import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { AGENT_HOME_LISTS, type AgentHomeList } from '@zhixiang/shared/home/agent-home';
import type { AgentHomeResponse } from '@zhixiang/shared/home/schemas';
import { useState } from 'react';
import { usePageData, useReloadOnShow } from '../../hooks/use-page-data';
import { pageUrls } from '../../lib/navigation';
import { api } from '../../services/api';

type Item = AgentHomeResponse['lists'][AgentHomeList][number];

const LIST_TITLES: Record<AgentHomeList, string> = {
  applicationsWaiting: '待客户办理的申请',
  documentsToSign: '待签署文件',
  callbacksPending: '犹豫期待回访',
  premiumsDue: '30 天内续期缴费',
  lapsed: '已失效保单',
};

/** A tap opens the application (its page shares the link), the document, or the customer's policies. */
function openItem(item: Item): void {
  const url =
    item.target.page === 'application'
      ? pageUrls.endorsementApplication(item.target.applicationId)
      : item.target.page === 'document'
        ? pageUrls.documentDetail(item.target.documentId)
        : pageUrls.customerPolicies(item.customerId, item.customerName);
  void Taro.navigateTo({ url });
}

/**
 * 业务员工作台: counts of what waits on the agent's customers, each opening its list; every item
 * comes from the customers' real state and is gone once done. Reloaded whenever the home shows.
 */
export function AgentHome() {
  const data = usePageData(() => api.getAgentHome());
  useReloadOnShow(data);
  const [open, setOpen] = useState<AgentHomeList | null>(null);
  const { state } = data;
  if (state.status === 'loading') return <Text className="zx-muted">正在加载工作台…</Text>;
  if (state.status === 'error')
    return (
      <View className="zx-card" onClick={() => void data.reload()}>
        <Text className="zx-muted">{state.error.message}，点此重试</Text>
      </View>
    );
  const { lists, customers } = state.data;
  const shown = open ? lists[open] : [];
  return (
    <View className="zx-home__section" data-testid="agent-home">
      <Text className="zx-home__section-title">我的工作台 · 名下客户 {customers} 位</Text>
      <View className="zx-home__counts">
        {AGENT_HOME_LISTS.map((list) => (
          <View
            key={list}
            className={`zx-home__count ${open === list ? 'zx-home__count--open' : ''}`}
            data-testid={`agent-count-${list}`}
            onClick={() => setOpen(open === list ? null : list)}
          >
            <Text className="zx-home__count-number">{lists[list].length}</Text>
            <Text className="zx-home__count-label">{LIST_TITLES[list]}</Text>
          </View>
        ))}
      </View>
      {open ? (
        <View data-testid="agent-list">
          <Text className="zx-home__section-title">{LIST_TITLES[open]}</Text>
          {shown.length === 0 ? <Text className="zx-muted">暂无</Text> : null}
          {shown.map((item) => (
            <View
              key={item.id}
              className="zx-card zx-home__todo"
              data-testid="agent-item"
              onClick={() => openItem(item)}
            >
              <View className="zx-home__todo-head">
                <Text className="zx-home__todo-title">
                  {item.customerName} · {item.title}
                </Text>
                {item.daysLeft !== null ? (
                  <Text className="zx-home__countdown">
                    {item.daysLeft === 0 ? '今天截止' : `剩 ${item.daysLeft} 天`}
                  </Text>
                ) : null}
              </View>
              <Text className="zx-muted zx-home__todo-detail">{item.detail}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
