import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import '../events.scss';

/**
 * 俱乐部活动签到 (staff): the events their branch subtree organises, soonest first, each session with
 * its seats and the people checked in; tapping one opens its door.
 */
export default function StaffEventsPage() {
  const data = usePageData(() => api.listStaffEvents());
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看本机构的活动"
      isEmpty={(view) => view.events.length === 0}
      empty={{ title: '本机构暂无活动', description: '本机构及下属机构主办的活动会显示在这里' }}
    >
      {(view) => (
        <View className="zx-events" data-testid="staff-event-list">
          {view.events.map((e) => (
            <View
              key={e.eventId}
              className="zx-card"
              data-testid="staff-event-item"
              onClick={() => void Taro.navigateTo({ url: pageUrls.eventDoor(e.eventId) })}
            >
              <View className="zx-events__row">
                <Text className="zx-card__title">{e.title}</Text>
                <Tag type={e.status === 'published' ? 'success' : 'default'}>
                  {e.status === 'published' ? e.brandLabel : '草稿'}
                </Tag>
              </View>
              <Text className="zx-muted">
                {e.city} · {formatShanghaiDateTime(e.firstStartsAt)} · {e.organiserBranchName}
              </Text>
              {e.sessions.map((s) => (
                <Text key={s.sessionId} className="zx-muted">
                  {formatShanghaiDateTime(s.startsAt)} {s.venueName}：已签到 {s.checkedIn} 人 · 余{' '}
                  {s.seatsLeft}/{s.capacity} 个名额{s.waiting > 0 ? ` · ${s.waiting} 人候补` : ''}
                </Text>
              ))}
            </View>
          ))}
        </View>
      )}
    </PageContainer>
  );
}
