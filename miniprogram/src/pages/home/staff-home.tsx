import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatWait, STAFF_QUEUE_LABELS } from '@zhixiang/shared/home/staff-home';
import { usePageData, useReloadOnShow } from '../../hooks/use-page-data';
import { QUEUE_CONSOLES } from '../../lib/staff-consoles';
import { api } from '../../services/api';

/**
 * The staff home's queues: how many items wait in the branch subtree and how long the oldest has
 * waited; a tap opens the queue's console. Reloaded whenever the home shows again.
 */
export function StaffHome() {
  const data = usePageData(() => api.getStaffHome());
  useReloadOnShow(data);
  const { state } = data;
  if (state.status === 'loading') return <Text className="zx-muted">正在加载待办队列…</Text>;
  if (state.status === 'error')
    return (
      <View className="zx-card" onClick={() => void data.reload()}>
        <Text className="zx-muted">{state.error.message}，点此重试</Text>
      </View>
    );
  return (
    <View className="zx-home__section" data-testid="staff-home">
      <Text className="zx-home__section-title">待办队列</Text>
      <View className="zx-home__counts">
        {state.data.queues.map((queue) => (
          <View
            key={queue.queue}
            className="zx-home__count"
            data-testid={`staff-queue-${queue.queue}`}
            onClick={() => void Taro.navigateTo({ url: QUEUE_CONSOLES[queue.queue] })}
          >
            <Text className="zx-home__count-number">{queue.count}</Text>
            <Text className="zx-home__count-label">{STAFF_QUEUE_LABELS[queue.queue]}</Text>
            <Text className="zx-home__count-age">
              {queue.oldestAgeMinutes === null ? '暂无' : formatWait(queue.oldestAgeMinutes)}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
