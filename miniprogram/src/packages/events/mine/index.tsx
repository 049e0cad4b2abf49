import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { RegistrationSummary } from '../registration-summary';
import '../events.scss';

/** 我的活动: the person's own registrations, newest first, each opening its event. */
export default function MyEventRegistrationsPage() {
  const data = usePageData(() => api.listMyEventRegistrations());
  useReloadOnShow(data);
  const browse = () => void Taro.navigateTo({ url: pageUrls.events });
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看我的活动"
      isEmpty={(view) => view.registrations.length === 0}
      empty={{
        title: '暂无报名',
        description: '报名俱乐部活动后可在这里查看场次、候补位置和候补名额',
        action: { text: '看看活动', onClick: browse },
      }}
    >
      {(view) => (
        <View className="zx-events" data-testid="my-registrations">
          {view.registrations.map((r) => (
            <View
              key={r.eventId}
              className="zx-card"
              data-testid="my-registration-item"
              onClick={() => void Taro.navigateTo({ url: pageUrls.eventDetail(r.eventId) })}
            >
              <View className="zx-events__row">
                <Text className="zx-card__title">{r.eventTitle}</Text>
                <Tag type={r.status === 'registered' ? 'success' : 'primary'}>{r.statusLabel}</Tag>
              </View>
              <Text className="zx-muted">
                {r.brandLabel} · {formatShanghaiDateTime(r.sessionStartsAt)} · {r.venueName}
              </Text>
              <RegistrationSummary registration={r} />
            </View>
          ))}
          <Button block onClick={browse}>
            看看更多活动
          </Button>
        </View>
      )}
    </PageContainer>
  );
}
