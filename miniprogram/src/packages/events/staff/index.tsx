import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import '../events.scss';

/**
 * 俱乐部活动签到 (staff): the events their branch subtree organises, soonest first, each session with
 * its seats and the people checked in; tapping a published one opens its door, a draft its edit
 * page (发布俱乐部活动), where 新建活动 starts a new one.
 */
export default function StaffEventsPage() {
  const data = usePageData(() => api.listStaffEvents());
  useReloadOnShow(data);
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看本机构的活动">
      {(view) => (
        <View className="zx-events" data-testid="staff-event-list">
          <Button
            block
            type="primary"
            data-testid="new-event"
            onClick={() => void Taro.navigateTo({ url: pageUrls.eventEdit() })}
          >
            新建活动
          </Button>
          {view.events.length === 0 ? (
            <Text className="zx-muted">本机构及下属机构主办的活动会显示在这里</Text>
          ) : null}
          {view.events.map((e) => (
            <View
              key={e.eventId}
              className="zx-card"
              data-testid="staff-event-item"
              onClick={() =>
                void Taro.navigateTo({
                  url:
                    e.status === 'published' ? pageUrls.eventDoor(e.eventId) : pageUrls.eventEdit(e.eventId),
                })
              }
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
              {e.status === 'published' ? (
                <Text
                  className="zx-events__link"
                  onClick={(tap) => {
                    tap.stopPropagation();
                    void Taro.navigateTo({ url: pageUrls.eventEdit(e.eventId) });
                  }}
                >
                  封面与发布记录
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </PageContainer>
  );
}
