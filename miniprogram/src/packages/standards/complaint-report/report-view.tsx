import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  type ComplaintReport,
  complaintReportCsv,
  perTenThousandText,
} from '@zhixiang/shared/complaints/report';
import { percent } from '@zhixiang/shared/events/report';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { useMemo } from 'react';
import { Button } from '../../../components/ui';
import { branchChart } from '../charts';
import { F2Chart, type F2Element } from '../f2-chart';
import { perTenThousandChart } from './charts';

const NO_FIGURES = '该期间暂无数据';

/** One bar per row, as tall as its bars need; a word instead of an empty chart. */
function BarChart({ id, bars, chart }: { id: string; bars: number; chart: F2Element }) {
  if (bars === 0) return <Text className="zx-muted">{NO_FIGURES}</Text>;
  return <F2Chart id={id} height={Math.max(120, bars * 36 + 40)} chart={chart} />;
}

/** The report's figures: the per-10,000 chart and table, SLA attainment, repeats, ratings, rectifications. */
export function ReportView({ report }: { report: ComplaintReport }) {
  const rates = useMemo(
    () =>
      report.branches.flatMap((b) =>
        b.perTenThousand === null ? [] : [{ label: b.branchName, rate: b.perTenThousand }],
      ),
    [report],
  );
  const attainment = useMemo(
    () =>
      report.clocks.flatMap((c) =>
        c.attainmentBasisPoints === null ? [] : [{ label: c.label, percent: c.attainmentBasisPoints / 100 }],
      ),
    [report],
  );
  const rateTree = useMemo(() => perTenThousandChart(rates), [rates]);
  const attainmentTree = useMemo(() => branchChart(attainment), [attainment]);
  const { totals, repeats, satisfaction, rectifications } = report;
  return (
    <View data-testid="complaint-report">
      <View className="zx-card">
        <Text className="zx-card__title">
          {report.from} 至 {report.to}
        </Text>
        <Text className="zx-muted" data-testid="report-totals">
          投诉 {totals.complaints} 件 · 有效保单 {totals.policies ?? '未统计'}
          {totals.policies === null
            ? ''
            : ` 张 · 万张保单投诉量 ${perTenThousandText(totals.perTenThousand)}`}
        </Text>
        <Text className="zx-muted">
          {report.policiesCountedAt
            ? `有效保单数统计于 ${formatShanghaiDateTime(report.policiesCountedAt)}`
            : '尚未统计有效保单数，暂无法计算万张保单投诉量，请联系系统管理员统计'}
        </Text>
      </View>

      <View className="zx-card">
        <Text className="zx-card__title">各机构万张保单投诉量</Text>
        <BarChart id="complaint-rate-chart" bars={rates.length} chart={rateTree} />
        {report.branches.map((b) => (
          <View key={b.branchPath} className="zx-complaints__report-branch" data-testid="report-branch">
            <View className="zx-complaints__row">
              <Text>{b.branchName}</Text>
              <Text>
                {b.complaints} 件 · 万张 {perTenThousandText(b.perTenThousand)}
              </Text>
            </View>
            {b.byCategory.map((c) => (
              <View key={c.category} className="zx-complaints__row zx-muted">
                <Text>· {c.label}</Text>
                <Text>
                  {c.complaints} 件 · 万张 {perTenThousandText(c.perTenThousand)}
                </Text>
              </View>
            ))}
          </View>
        ))}
      </View>

      <View className="zx-card">
        <Text className="zx-card__title">各时限达标率</Text>
        <BarChart id="complaint-clock-chart" bars={attainment.length} chart={attainmentTree} />
        {report.clocks.map((c) => (
          <View key={c.clock} className="zx-complaints__row" data-testid="report-clock">
            <Text>{c.label}</Text>
            <Text>
              {percent(c.attainmentBasisPoints)}（按时 {c.met}，超时 {c.breached}，进行中 {c.open}
              {c.calendarMissing ? `，日历未导入 ${c.calendarMissing}` : ''}）
            </Text>
          </View>
        ))}
      </View>

      <View className="zx-card" data-testid="report-others">
        <Text className="zx-card__title">重复投诉与满意度</Text>
        <View className="zx-complaints__row">
          <Text>重复投诉</Text>
          <Text>
            {repeats.complaints} 件（{percent(repeats.shareBasisPoints)}）
          </Text>
        </View>
        <View className="zx-complaints__row">
          <Text>客户评价</Text>
          <Text>
            {satisfaction.rated} 件 · 平均{' '}
            {satisfaction.average === null ? '—' : perTenThousandText(satisfaction.average)} 分
          </Text>
        </View>
        <View className="zx-complaints__row">
          <Text>低分评价（2 分及以下）</Text>
          <Text>
            {satisfaction.low} 件（{percent(satisfaction.lowShareBasisPoints)}）
          </Text>
        </View>
      </View>

      <View className="zx-card" data-testid="report-rectifications">
        <Text className="zx-card__title">未关闭的整改</Text>
        <Text className="zx-muted">
          共 {rectifications.open} 项，其中逾期 {rectifications.overdue} 项
        </Text>
        {rectifications.branches.map((b) => (
          <View key={b.branchPath} className="zx-complaints__row">
            <Text>{b.branchName}</Text>
            <Text>
              {b.open} 项{b.overdue ? `（逾期 ${b.overdue}）` : ''}
            </Text>
          </View>
        ))}
      </View>

      <Button
        block
        onClick={() =>
          void Taro.setClipboardData({ data: complaintReportCsv(report).replace(/^\uFEFF/, '') }).then(() =>
            Taro.showToast({ title: 'CSV 已复制，可粘贴到表格', icon: 'none' }),
          )
        }
      >
        复制 CSV
      </Button>
    </View>
  );
}
