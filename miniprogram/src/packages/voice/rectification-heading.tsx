import { Text, View } from '@tarojs/components';
import type { RectificationView } from '@zhixiang/shared/voice/rectification';
import { Tag } from '../../components/ui';

/** A rectification task's line and title with its state: 已逾期, 整改中 or 已关闭. */
export function RectificationHeading({ task }: { task: RectificationView }) {
  return (
    <View className="zx-voice__row">
      <Text className="zx-card__title">
        {task.lineLabel} · {task.title}
      </Text>
      <Tag type={task.overdue ? 'danger' : task.status === 'closed' ? 'success' : 'primary'}>
        {task.overdue ? '已逾期' : task.statusLabel}
      </Tag>
    </View>
  );
}
