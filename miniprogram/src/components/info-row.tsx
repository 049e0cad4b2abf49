import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export function InfoRow({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <View className="zx-row" data-testid={testId}>
      <Text className="zx-row__label">{label}</Text>
      <Text className="zx-row__value">{value}</Text>
    </View>
  );
}
