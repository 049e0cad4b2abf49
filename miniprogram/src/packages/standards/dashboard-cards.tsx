import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { LOW_RATING_MAX } from '@zhixiang/shared/standards/ratings';
import type { AlertList, AttainmentReport } from '@zhixiang/shared/standards/schemas';
import { percentText } from '@zhixiang/shared/standards/view';

/** The customers' ratings in the period, per journey × branch, as the route gives them. */
export function RatingsCard({ ratings }: { ratings: AttainmentReport['ratings'] }) {
  return (
    <View className="zx-card" data-testid="standard-ratings">
      <Text className="zx-card__title">客户满意度评价</Text>
      <Text className="zx-muted">旅程结束时客户的评分（1–5 星），低分为 {LOW_RATING_MAX} 星及以下</Text>
      {ratings.length === 0 ? <Text className="zx-muted">该期间暂无客户评价</Text> : null}
      {ratings.map((r) => (
        <View key={`${r.journey}${r.branchPath}`} className="zx-standards__row" data-testid="rating-row">
          <Text className="zx-standards__name">
            {r.journeyLabel} · {r.branchName}
          </Text>
          <Text className="zx-standards__rate">
            {r.average.toFixed(2)} 星 · {r.count} 条 · 低分 {percentText(r.lowShare)}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** 系统固化's alerts: each its level in words, its standard, the case's branch and where it went. */
export function AlertRows({ alerts }: { alerts: AlertList['alerts'] }) {
  if (alerts.length === 0) return <Text className="zx-muted">该期间没有发给本机构的预警</Text>;
  return (
    <View>
      {alerts.map((a) => (
        <View
          key={`${a.standardId}${a.caseId}${a.startAt}${a.level}`}
          className="zx-standards__case"
          data-testid="standard-alert"
        >
          <Text className="zx-standards__name">
            {a.label} · {a.standardName}
          </Text>
          <Text className="zx-muted">
            {a.caseId}
            {a.policyNo ? ` · 保单 ${a.policyNo}` : ''} · {a.branchName} → {a.escalatedToName} ·{' '}
            {formatShanghaiDateTime(a.raisedAt)}
          </Text>
        </View>
      ))}
    </View>
  );
}
