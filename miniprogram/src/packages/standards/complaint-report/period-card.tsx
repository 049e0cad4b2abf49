import { Picker, Text, View } from '@tarojs/components';
import { REPORT_MAX_DAYS } from '@zhixiang/shared/complaints/report';
import { addDays } from '@zhixiang/shared/format/dates';

/** Quick periods, each ending today (Shanghai). */
const QUICK_PERIODS = [
  { key: 'days30', label: '近 30 天', days: 30 },
  { key: 'days90', label: '近 90 天', days: 90 },
  { key: 'year', label: '近一年', days: 365 },
] as const;

/** The pickers offer only periods the route accepts: at most 366 days, ending by today. */
function lastDayFrom(from: string, today: string): string {
  const limit = addDays(from, REPORT_MAX_DAYS - 1);
  return limit < today ? limit : today;
}

export interface ReportPeriod {
  from: string;
  to: string;
}

/** 统计期间: quick choices ending today, or two dates (the pickers keep it within the route's limits). */
export function PeriodCard({
  period,
  today,
  onChange,
}: {
  period: ReportPeriod;
  today: string;
  onChange: (period: ReportPeriod) => void;
}) {
  return (
    <View className="zx-card">
      <Text className="zx-card__title">统计期间</Text>
      <View className="zx-complaints__chips">
        {QUICK_PERIODS.map((p) => (
          <Text
            key={p.key}
            className={`zx-complaints__chip${
              period.to === today && period.from === addDays(today, 1 - p.days)
                ? ' zx-complaints__chip--selected'
                : ''
            }`}
            data-testid={`report-period-${p.key}`}
            onClick={() => onChange({ from: addDays(today, 1 - p.days), to: today })}
          >
            {p.label}
          </Text>
        ))}
      </View>
      <View className="zx-complaints__row">
        <Picker
          mode="date"
          value={period.from}
          start={addDays(period.to, 1 - REPORT_MAX_DAYS)}
          end={period.to}
          onChange={(event) => onChange({ ...period, from: event.detail.value })}
        >
          <View className="zx-complaints__input" data-testid="report-from">
            开始 {period.from}
          </View>
        </Picker>
        <Picker
          mode="date"
          value={period.to}
          start={period.from}
          end={lastDayFrom(period.from, today)}
          onChange={(event) => onChange({ ...period, to: event.detail.value })}
        >
          <View className="zx-complaints__input" data-testid="report-to">
            结束 {period.to}
          </View>
        </Picker>
      </View>
      <Text className="zx-muted">最长 {REPORT_MAX_DAYS} 天；统计本机构及下属机构受理的投诉</Text>
    </View>
  );
}
