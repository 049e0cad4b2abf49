import { Text, View } from '@tarojs/components';
import { NOTICE_CHANNEL_NAMES, type NoticeChannel } from '@zhixiang/shared/letters/model';
import { NOTICE_TYPE_NAMES } from '@zhixiang/shared/notices/due-notices';
import { PageContainer } from '../../../components/page-container';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import '../components/letters.scss';

const rate = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);

/**
 * The staff console's delivery funnel of renewal notices, last 7 days: per day, notice type and
 * channel, the eligible count and the share that had a channel, was accepted, delivered, opened.
 */
export default function NoticeFunnelPage() {
  const data = usePageData(() => api.getNoticeFunnel());
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看报表"
      isEmpty={(view) => view.rows.length === 0}
      empty={{ title: '最近 7 天没有续期通知' }}
    >
      {(view) => (
        <View className="zx-letters" data-testid="notice-funnel">
          <View className="zx-card">
            <Text className="zx-muted">
              {view.from} ~ {view.to}（比例均相对“应发”）
            </Text>
            <View className="zx-letters__table-row">
              <Text className="zx-letters__table-cell">日期 / 通知 / 渠道</Text>
              <Text className="zx-letters__table-cell">应发</Text>
              <Text className="zx-letters__table-cell">有渠道</Text>
              <Text className="zx-letters__table-cell">已受理</Text>
              <Text className="zx-letters__table-cell">已送达</Text>
              <Text className="zx-letters__table-cell">已打开</Text>
            </View>
            {view.rows.map((row) => (
              <View
                key={`${row.day}-${row.noticeType}-${row.channel}`}
                className="zx-letters__table-row"
                data-testid="funnel-row"
              >
                <Text className="zx-letters__table-cell">
                  {row.day.slice(5)} {NOTICE_TYPE_NAMES[row.noticeType]}{' '}
                  {row.channel === 'none' ? '无渠道' : NOTICE_CHANNEL_NAMES[row.channel as NoticeChannel]}
                </Text>
                <Text className="zx-letters__table-cell">{row.eligible}</Text>
                <Text className="zx-letters__table-cell">{rate(row.reachable, row.eligible)}</Text>
                <Text className="zx-letters__table-cell">{rate(row.accepted, row.eligible)}</Text>
                <Text className="zx-letters__table-cell">{rate(row.delivered, row.eligible)}</Text>
                <Text className="zx-letters__table-cell">{rate(row.opened, row.eligible)}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </PageContainer>
  );
}
