import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { RANT_MAX, RANT_MIN } from '@zhixiang/shared/voice/schemas';
import { defaultVoiceThemes, JOURNEY_KEYS, type Journey } from '@zhixiang/shared/voice/themes';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import '../voice.scss';

/** The journeys a customer may pick (智能客服 and 其他 come from the assistant and the themes). */
const PICKABLE = JOURNEY_KEYS.filter((key) => key !== 'assistant' && key !== 'other');

/**
 * 我要吐槽: what the customer wants to say, the part of the service it is about (optional), and
 * whether their agent may see their name. It goes into the customer-voice stream of their branch;
 * it is not answered one by one (a complaint is), which the page says.
 */
export default function RantPage() {
  return <PageContainer>{() => <RantForm />}</PageContainer>;
}

function RantForm() {
  const [text, setText] = useState('');
  const [journey, setJourney] = useState<Journey | null>(null);
  const [hideName, setHideName] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async () => {
    if (text.trim().length < RANT_MIN) {
      setError(`请多写几句（至少 ${RANT_MIN} 个字）`);
      return;
    }
    setBusy(true);
    try {
      await api.submitRant({ text, hideName, ...(journey ? { journey } : {}) });
      setSent(true);
    } catch (failure) {
      if (failure instanceof ApiError && failure.field) setError(failure.message);
    } finally {
      setBusy(false);
    }
  };

  if (sent)
    return (
      <View className="zx-voice" data-testid="rant-sent">
        <View className="zx-card">
          <Text className="zx-card__title">已收到您的吐槽，谢谢！</Text>
          <Text className="zx-muted">
            它已记入客户之声，按业务环节和主题归类，本机构及上级机构的管理人员可以看到。
            {hideName ? '您的代理人看不到您的姓名。' : ''}
          </Text>
          <Text className="zx-muted">吐槽不会单独回复；如需我们处理并答复，请提交投诉。</Text>
        </View>
        <Button fill="outline" block onClick={() => void Taro.redirectTo({ url: pageUrls.fileComplaint })}>
          我要投诉
        </Button>
      </View>
    );

  return (
    <View className="zx-voice" data-testid="rant-form">
      <Text className="zx-voice__label">想说点什么</Text>
      <Textarea
        className="zx-voice__textarea"
        data-testid="rant-text"
        maxlength={RANT_MAX}
        placeholder="哪里让您不满意、不方便，都可以说"
        value={text}
        onInput={(event) => {
          setText(event.detail.value);
          setError('');
        }}
      />
      <Text className="zx-muted">
        {text.length}/{RANT_MAX}
      </Text>
      {error ? <Text className="zx-voice__error">{error}</Text> : null}

      <Text className="zx-voice__label">涉及的环节（可不选）</Text>
      <View className="zx-voice__chips">
        {PICKABLE.map((key) => (
          <View
            key={key}
            data-testid={`journey-${key}`}
            className={`zx-voice__chip${journey === key ? ' zx-voice__chip--selected' : ''}`}
            onClick={() => setJourney(journey === key ? null : key)}
          >
            {defaultVoiceThemes().journeys[key]}
          </View>
        ))}
      </View>

      <Text className="zx-voice__label">姓名</Text>
      <View className="zx-voice__chips">
        <View
          data-testid="rant-hide-name"
          className={`zx-voice__chip${hideName ? ' zx-voice__chip--selected' : ''}`}
          onClick={() => setHideName(!hideName)}
        >
          不让我的代理人看到我的姓名
        </View>
      </View>

      <View className="zx-voice__submit">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          提交吐槽
        </Button>
      </View>
    </View>
  );
}
