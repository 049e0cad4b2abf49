import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { percent } from '@zhixiang/shared/events/report';
import type { EventReport } from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { formatYuan } from '@zhixiang/shared/format/money';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import '../events.scss';

type Figures = EventReport['rows'][number];

function FigureLine({
  name,
  f,
  testId,
}: {
  name: string;
  f: Omit<Figures, 'branchPath' | 'branchName'>;
  testId: string;
}) {
  return (
    <View className="zx-events__report-row" data-testid={testId}>
      <Text className="zx-events__report-name">{name}</Text>
      <Text className="zx-muted">
        报名 {f.registrations} · {f.people} 人 · 签到 {f.checkedInPeople} 人 · 到场率{' '}
        {percent(f.attendanceBasisPoints)}
        {f.waitlisted > 0
          ? ` · 候补 ${f.waitlisted}，转正 ${f.waitlistConverted}（${percent(f.conversionBasisPoints)}）`
          : ''}
      </Text>
    </View>
  );
}

/**
 * 活动报表 (staff of the organising subtree): registrations, people, attendance and waiting-list
 * conversion by the registrants' branch (walk-ins in a row of their own), by session (with the
 * attendees' average rating) and by inviting agent,
 * the no-shows of sessions that have ended, what 太有爱 pledges collected, and the branch table as CSV to paste into a spreadsheet.
 */
export default function EventReportPage() {
  const eventId = decodeURIComponent(useRouter().params.eventId ?? '');
  const data = usePageData(() => api.getEventReport(eventId), Boolean(eventId));
  useReloadOnShow(data);
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看活动报表">
      {(report) => (
        <View className="zx-events" data-testid="event-report">
          <View className="zx-card">
            <Text className="zx-card__title">{report.title}</Text>
            <Text className="zx-events__label">按机构</Text>
            {report.rows.map((r) => (
              <FigureLine
                key={r.branchPath || 'total'}
                name={r.branchName}
                f={r}
                testId="report-branch-row"
              />
            ))}
            <Button
              block
              onClick={() =>
                void Taro.setClipboardData({ data: report.csv }).then(() =>
                  Taro.showToast({ title: 'CSV 已复制，可粘贴到表格', icon: 'none' }),
                )
              }
            >
              复制 CSV
            </Button>
          </View>
          <View className="zx-card">
            <Text className="zx-events__label">按客户分层（报名时）</Text>
            {report.bySegment.map((s) => (
              <FigureLine key={s.segment} name={s.segmentLabel} f={s} testId="report-segment-row" />
            ))}
          </View>
          <View className="zx-card">
            <Text className="zx-events__label">按场次</Text>
            {report.bySession.map((s) => (
              <View key={s.sessionId} data-testid="report-session-row">
                <FigureLine
                  name={`${formatShanghaiDateTime(s.startsAt)} ${s.venueName}`}
                  f={s}
                  testId="report-session-figures"
                />
                <Text className="zx-muted" data-testid="report-session-rating">
                  {s.averageRatingTenths === null
                    ? '暂无评价'
                    : `平均评分 ${Math.floor(s.averageRatingTenths / 10)}.${s.averageRatingTenths % 10} 星（${s.ratings} 人评价）`}
                </Text>
              </View>
            ))}
          </View>
          <View className="zx-card">
            <Text className="zx-events__label">按邀请业务员</Text>
            {report.byAgent.length === 0 ? <Text className="zx-muted">暂无通过业务员邀请的报名</Text> : null}
            {report.byAgent.map((a) => (
              <FigureLine key={a.agentId} name={a.agentName} f={a} testId="report-agent-row" />
            ))}
          </View>
          {report.noShows.length > 0 ? (
            <View className="zx-card" data-testid="report-no-shows">
              <Text className="zx-events__label">未到场（场次已结束，{report.noShows.length} 组）</Text>
              <Text className="zx-muted">
                {report.noShows
                  .map((n) => `${n.nameMasked}（${n.partySize} 人，场次 ${n.sessionId}）`)
                  .join('；')}
              </Text>
            </View>
          ) : null}
          {report.pledges.people > 0 ? (
            <View className="zx-card" data-testid="report-pledges">
              <Text className="zx-events__label">太有爱认捐（{report.pledges.people} 人）</Text>
              <Text className="zx-muted">
                捐款 {formatYuan(report.pledges.money)} · 捐物 {report.pledges.goods} 件 · 捐书{' '}
                {report.pledges.books} 册 · 志愿支教 {report.pledges.volunteer} 小时
              </Text>
            </View>
          ) : null}
        </View>
      )}
    </PageContainer>
  );
}
