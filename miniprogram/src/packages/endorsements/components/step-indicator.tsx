import { Text, View } from '@tarojs/components';

/** Where the customer is in a flow: done steps ticked, the current one highlighted. */
export function StepIndicator({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <View className="zx-steps" data-testid="step-indicator">
      {steps.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <View key={step} className={`zx-steps__item zx-steps__item--${state}`} data-state={state}>
            <Text className="zx-steps__dot">{state === 'done' ? '✓' : index + 1}</Text>
            <Text className="zx-steps__label">{step}</Text>
          </View>
        );
      })}
    </View>
  );
}
