import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime, todayInShanghai } from '@zhixiang/shared/format/dates';
import { attainmentCsv } from '@zhixiang/shared/standards/report';
import type { AttainmentReport } from '@zhixiang/shared/standards/schemas';
import { eventLabel, percentText } from '@zhixiang/shared/standards/view';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { useWideLayout } from '../../../hooks/use-wide-layout';
import { api } from '../../../services/api';
import { attainmentChart, branchChart, trendChart } from '../charts';
import {
  attainmentBars,
  branchesOf,
  defaultStandard,
  PERIOD_CHOICES,
  type PeriodChoice,
  periodQuery,
  trendOf,
  worstTouchpoints,
} from '../dashboard';
import { AlertRows, RatingsCard } from '../dashboard-cards';
import { F2Chart } from '../f2-chart';
import '../standards.scss';

type Standard = AttainmentReport['standards'][number];

const NO_CASES = '该期间暂无可度量的案例';

function rateText(s: { rate: number | null }): string {
  return s.rate === null ? '无个案' : percentText(s.rate);
}

/** The breached cases of the chosen standard in the period, each opening its timeline. */
function BreachedCases({ standardId, from, to }: { standardId: string; from: string; to: string }) {
  const data = usePageData(() => api.listStandardBreaches(standardId, { query: { from, to } }));
  const [open, setOpen] = useState<string | null>(null);
  const { state } = data;
  if (state.status === 'loading') return <Text className="zx-muted">正在读取未达标个案…</Text>;
  if (state.status === 'error') return <Text className="zx-muted">{state.error.message}</Text>;
  if (state.data.cases.length === 0) return <Text className="zx-muted">该期间本标准没有未达标的个案</Text>;
  return (
    <View data-testid="breached-cases">
      {state.data.cases.map((c) => (
        <View key={`${c.caseId}${c.startAt}`} className="zx-standards__case" data-testid="breached-case">
          <View className="zx-standards__row" onClick={() => setOpen(open === c.caseId ? null : c.caseId)}>
            <Text className="zx-standards__name">
              {c.caseId}
              {c.policyNo ? ` · 保单 ${c.policyNo}` : ''}
            </Text>
            <Text className="zx-link">{open === c.caseId ? '收起' : '办理轨迹'}</Text>
          </View>
          <Text className="zx-muted">
            {c.branchName} · 开始于 {formatShanghaiDateTime(c.startAt)}
            {c.stopAt === null ? ' · 仍在办理' : ` · 完成于 ${formatShanghaiDateTime(c.stopAt)}`}
          </Text>
          {c.alerts.map((a) => (
            <Text key={a.level} className="zx-standards__alert" data-testid="breach-alert">
              {formatShanghaiDateTime(a.raisedAt)} {a.label} → {a.escalatedToName}
            </Text>
          ))}
          {open === c.caseId ? (
            <View data-testid="breach-timeline">
              {c.timeline.map((step) => (
                <Text key={`${step.type}${step.at}`} className="zx-standards__step">
                  {formatShanghaiDateTime(step.at)} {eventLabel(step.type)}（
                  {step.source === 'ingested' ? '外部系统' : '本系统'}）
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/**
 * 系统固化's alerts that went to the caller's branches in the period (`GET /standards/alerts`):
 * warnings at 80 % of a clock and breaches escalated up the ladder, newest first.
 */
function Alerts({ from, to }: { from: string; to: string }) {
  const data = usePageData(() => api.listStandardAlerts({ query: { from, to } }));
  const { state } = data;
  return (
    <View className="zx-card" data-testid="standard-alerts">
      <Text className="zx-card__title">预警与升级</Text>
      {state.status === 'loading' ? <Text className="zx-muted">正在读取预警…</Text> : null}
      {state.status === 'error' ? <Text className="zx-muted">{state.error.message}</Text> : null}
      {state.status === 'ready' ? <AlertRows alerts={state.data.alerts} /> : null}
    </View>
  );
}

/** The chosen standard: its trend, its branches side by side, its breached cases. */
function ChosenStandard({ report, standard }: { report: AttainmentReport; standard: Standard }) {
  const trend = useMemo(() => trendOf(report, standard.standardId), [report, standard.standardId]);
  const branches = useMemo(() => branchesOf(report, standard.standardId), [report, standard.standardId]);
  const trendTree = useMemo(() => trendChart(trend), [trend]);
  const branchTree = useMemo(() => branchChart(branches), [branches]);
  return (
    <View data-testid="chosen-standard">
      <View className="zx-card">
        <Text className="zx-card__title">{standard.name}</Text>
        <Text className="zx-muted">
          {standard.journeyLabel} · {standard.touchpoint} · 要求达标率 {percentText(standard.requiredShare)}
        </Text>
        <Text className="zx-standards__label">
          达标率趋势（按{report.granularity === 'week' ? '周' : '日'}）
        </Text>
        {trend.length === 0 ? (
          <Text className="zx-muted">{NO_CASES}</Text>
        ) : (
          <F2Chart
            key={`trend-${standard.standardId}`}
            id="standards-trend-chart"
            height={200}
            chart={trendTree}
          />
        )}
        <Text className="zx-standards__label">各机构达标率</Text>
        {branches.length === 0 ? (
          <Text className="zx-muted">{NO_CASES}</Text>
        ) : (
          <F2Chart
            key={`branches-${standard.standardId}`}
            id="standards-branch-chart"
            height={Math.max(120, branches.length * 36 + 40)}
            chart={branchTree}
          />
        )}
      </View>
      <View className="zx-card">
        <Text className="zx-card__title">未达标个案</Text>
        <BreachedCases
          key={`${standard.standardId}${report.from}`}
          standardId={standard.standardId}
          from={report.from}
          to={report.to}
        />
      </View>
    </View>
  );
}

/** The catalogue's attainment: bars, the table (tap a row to choose it), CSV, worst touchpoints. */
function Overview({
  report,
  chosen,
  onChoose,
}: {
  report: AttainmentReport;
  chosen: string | null;
  onChoose: (standardId: string) => void;
}) {
  const bars = useMemo(() => attainmentBars(report.standards), [report]);
  const barTree = useMemo(() => attainmentChart(bars), [bars]);
  const worst = useMemo(() => worstTouchpoints(report.standards), [report]);
  const measured = bars.length / 2;
  return (
    <View>
      <View className="zx-card">
        <Text className="zx-card__title">各旅程标准达标率</Text>
        <Text className="zx-muted">
          {report.from} 至 {report.to} · 深色为达标率，浅色为要求
        </Text>
        {measured === 0 ? (
          <Text className="zx-muted" data-testid="standards-empty">
            {NO_CASES}
          </Text>
        ) : (
          <F2Chart id="standards-attainment-chart" height={measured * 44 + 40} chart={barTree} />
        )}
        {report.standards.map((s) => (
          <View
            key={s.standardId}
            className={`zx-standards__row ${chosen === s.standardId ? 'zx-standards__row--chosen' : ''}`}
            data-testid="attainment-row"
            onClick={() => onChoose(s.standardId)}
          >
            <View className="zx-standards__name">
              <Text>{s.name}</Text>
              <Text className="zx-muted">
                {s.journeyLabel} · {s.touchpoint} · 要求 {percentText(s.requiredShare)} · 个案 {s.cases}（达标{' '}
                {s.met}，未达标 {s.breached}，进行中 {s.open}）
              </Text>
            </View>
            <Text
              className={`zx-standards__rate ${s.attained === false ? 'zx-standards__rate--short' : ''}`}
              data-testid="attainment-rate"
            >
              {rateText(s)}
            </Text>
          </View>
        ))}
        <Button
          block
          onClick={() =>
            void Taro.setClipboardData({ data: attainmentCsv(report) }).then(() =>
              Taro.showToast({ title: 'CSV 已复制，可粘贴到表格', icon: 'none' }),
            )
          }
        >
          复制 CSV
        </Button>
      </View>
      <RatingsCard ratings={report.ratings} />
      <View className="zx-card" data-testid="worst-touchpoints">
        <Text className="zx-card__title">表现最差的触点</Text>
        {worst.length === 0 ? <Text className="zx-muted">{NO_CASES}</Text> : null}
        {worst.map((t) => (
          <View key={`${t.journeyLabel}${t.touchpoint}`} className="zx-standards__row">
            <Text className="zx-standards__name">
              {t.journeyLabel} · {t.touchpoint}
            </Text>
            <Text className={`zx-standards__rate ${t.shortfall > 0 ? 'zx-standards__rate--short' : ''}`}>
              {percentText(t.rate)}（{t.met}/{t.cases}）
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * 服务标准看板 (staff of a branch subtree, admins): every figure from the attainment
 * route for the chosen period — attainment per journey and standard, worst first, against its
 * required share; the chosen standard's trend and branch comparison; the worst touchpoints; the
 * breached cases with their timeline. At 768 px and wider in H5, the overview beside the standard.
 */
export default function StandardsDashboardPage() {
  const [period, setPeriod] = useState<PeriodChoice>('days30');
  const [chosen, setChosen] = useState<string | null>(null);
  const wide = useWideLayout();
  const data = usePageData(() =>
    api.getStandardsAttainment({ query: periodQuery(period, todayInShanghai()) }),
  );
  useReloadOnShow(data);
  const firstPeriod = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new period is what reloads
  useEffect(() => {
    if (firstPeriod.current) {
      firstPeriod.current = false;
      return;
    }
    void data.reload();
  }, [period]);
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看服务标准看板">
      {(report) => {
        const standardId = chosen ?? defaultStandard(report.standards);
        const standard = report.standards.find((s) => s.standardId === standardId);
        return (
          <View className="zx-standards" data-testid="standards-dashboard">
            <View className="zx-standards__chips">
              {PERIOD_CHOICES.map((p) => (
                <Text
                  key={p.key}
                  className={`zx-standards__chip ${period === p.key ? 'zx-standards__chip--selected' : ''}`}
                  data-testid={`period-${p.key}`}
                  onClick={() => setPeriod(p.key)}
                >
                  {p.label}
                </Text>
              ))}
            </View>
            <View className={wide ? 'zx-standards--wide' : ''} data-testid="standards-layout">
              <View className="zx-standards__column">
                <Overview report={report} chosen={standardId} onChoose={setChosen} />
                <Alerts key={report.from} from={report.from} to={report.to} />
              </View>
              <View className="zx-standards__column">
                {standard ? <ChosenStandard report={report} standard={standard} /> : null}
              </View>
            </View>
          </View>
        );
      }}
    </PageContainer>
  );
}
