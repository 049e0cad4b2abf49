import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';

export interface TimelineEntry {
  key: string;
  label: string;
  /** ISO instant. */
  at: string;
  /** Who did it, e.g. "张伟" or "王建国（业务员，代 张伟）". */
  actor: string;
  detail?: string | null;
}

/** An application's history, oldest first, as the audit trail recorded it. */
export function StatusTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <View className="zx-card zx-timeline" data-testid="status-timeline">
      <Text className="zx-card__title">办理进度</Text>
      {entries.map((entry, index) => (
        <View
          key={entry.key}
          className={`zx-timeline__item ${index === entries.length - 1 ? 'zx-timeline__item--last' : ''}`}
          data-testid="timeline-entry"
        >
          <View className="zx-timeline__dot" />
          <View className="zx-timeline__body">
            <Text className="zx-timeline__label">{entry.label}</Text>
            <Text className="zx-muted zx-timeline__meta">
              {formatShanghaiDateTime(entry.at)} · {entry.actor}
            </Text>
            {entry.detail ? <Text className="zx-timeline__detail">{entry.detail}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
