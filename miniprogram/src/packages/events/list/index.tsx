import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REGISTRATION_STATUS_LABELS } from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { CoverImage } from '../cover-image';
import '../events.scss';

/**
 * 俱乐部活动: the published events, soonest first. Each says whether the person may register and,
 * when not, why (age, branch, segment, window), and their own status when they have registered.
 */
export default function EventListPage() {
  const data = usePageData(() => api.listEvents());
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看活动"
      isEmpty={(view) => view.events.length === 0}
      empty={{ title: '暂无活动', description: '新的俱乐部活动发布后会显示在这里' }}
    >
      {(view) => (
        <View className="zx-events" data-testid="event-list">
          {view.events.map((e) => (
            <View
              key={e.eventId}
              className="zx-card"
              data-testid="event-item"
              onClick={() => void Taro.navigateTo({ url: pageUrls.eventDetail(e.eventId) })}
            >
              <CoverImage url={e.coverUrl} />
              <View className="zx-events__row">
                <Text className="zx-card__title">{e.title}</Text>
                <Tag type={e.brand === 'charity' ? 'success' : e.brand === 'premier' ? 'warning' : 'primary'}>
                  {e.brandLabel}
                </Tag>
              </View>
              <Text className="zx-muted">
                {e.city} · {formatShanghaiDateTime(e.firstStartsAt)} · {e.organiserBranchName}
              </Text>
              {e.myStatus ? (
                <Text className="zx-muted" data-testid="event-my-status">
                  我的报名：{REGISTRATION_STATUS_LABELS[e.myStatus]}
                </Text>
              ) : null}
              {e.reason ? <Text className="zx-events__reason">{e.reason}</Text> : null}
            </View>
          ))}
          <Button block onClick={() => void Taro.navigateTo({ url: pageUrls.myEventRegistrations })}>
            我的活动
          </Button>
        </View>
      )}
    </PageContainer>
  );
}
