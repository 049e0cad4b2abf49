import { Text, View } from '@tarojs/components';
import {
  SANDBOX_FACE_OUTCOME_LABELS,
  SANDBOX_FACE_OUTCOMES,
  type SandboxFaceOutcome,
} from '@zhixiang/shared/identity/verification';
import { Button } from '../../components/ui';

/** Local stage and H5 only: the tester plays WeChat's face screen and picks what it answers. */
export function SandboxFaceScreen({
  busy,
  onAnswer,
}: {
  busy: boolean;
  onAnswer: (choice: SandboxFaceOutcome) => void;
}) {
  return (
    <View className="zx-card zx-identity__sandbox" data-testid="sandbox-face">
      <Text className="zx-card__title">模拟人脸核身</Text>
      <View className="zx-identity__muted">
        本地测试环境：此页面代替微信人脸核身，不采集任何人脸信息。请选择核身结果，服务端将按微信返回码处理。
      </View>
      {(Object.keys(SANDBOX_FACE_OUTCOMES) as SandboxFaceOutcome[]).map((choice) => (
        <Button
          key={choice}
          block
          disabled={busy}
          type={choice === 'success' ? 'primary' : 'default'}
          onClick={() => onAnswer(choice)}
        >
          {SANDBOX_FACE_OUTCOME_LABELS[choice]}
        </Button>
      ))}
    </View>
  );
}
