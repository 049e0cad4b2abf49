import { Text, View } from '@tarojs/components';

export interface ChangeRow {
  label: string;
  before: string;
  after: string;
}

/** 变更前 / 变更后, one row per changed item, exactly as it will be signed and audited. */
export function ChangeReview({ rows, title = '变更内容' }: { rows: readonly ChangeRow[]; title?: string }) {
  return (
    <View className="zx-card" data-testid="change-review">
      <Text className="zx-card__title">{title}</Text>
      <View className="zx-review__row zx-review__row--head">
        <Text className="zx-review__cell zx-review__cell--label">项目</Text>
        <Text className="zx-review__cell">变更前</Text>
        <Text className="zx-review__cell">变更后</Text>
      </View>
      {rows.map((row) => (
        <View key={row.label} className="zx-review__row" data-testid="change-row">
          <Text className="zx-review__cell zx-review__cell--label">{row.label}</Text>
          <Text className="zx-review__cell zx-muted">{row.before || '—'}</Text>
          <Text className="zx-review__cell zx-review__cell--after">{row.after || '—'}</Text>
        </View>
      ))}
    </View>
  );
}
