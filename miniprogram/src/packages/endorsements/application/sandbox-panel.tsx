import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/ui';

/**
 * A local stage's sandbox standing in for an outside system (WeChat Pay, the finance system),
 * clearly labelled: its title, what it does, and one button per outcome it can report.
 */
export function SandboxPanel<O extends string>(props: {
  title: string;
  description: string;
  outcomes: readonly { outcome: O; label: string; testId: string }[];
  busy: boolean;
  onChoose: (outcome: O) => void;
  testId: string;
}) {
  return (
    <View className="zx-card" data-testid={props.testId}>
      <Text className="zx-card__title">{props.title}</Text>
      <Text className="zx-muted">{props.description}</Text>
      {props.outcomes.map(({ outcome, label, testId }, index) => (
        <Button
          key={outcome}
          type={index === 0 ? 'primary' : 'default'}
          block
          disabled={props.busy}
          data-testid={testId}
          onClick={() => props.onChoose(outcome)}
        >
          {label}
        </Button>
      ))}
    </View>
  );
}
