import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  RECTIFICATION_LINES,
  RECTIFICATION_MAX_BUSINESS_DAYS,
  type RectificationLine,
} from '@zhixiang/shared/voice/rectification';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import '../voice.scss';

const LINES = Object.keys(RECTIFICATION_LINES) as RectificationLine[];

/**
 * 发起整改 from a voice item (`itemId`) or a week's theme cluster (`week`, `theme`, `label`): the
 * responsible line, what to fix, the owner and the period in business days.
 */
export default function NewRectificationPage() {
  return <PageContainer>{() => <RectificationForm />}</PageContainer>;
}

function RectificationForm() {
  const { params } = useRouter();
  const itemId = params.itemId ? decodeURIComponent(params.itemId) : '';
  const week = decodeURIComponent(params.week ?? '');
  const theme = decodeURIComponent(params.theme ?? '');
  const label = decodeURIComponent(params.label ?? '');
  const [line, setLine] = useState<RectificationLine | null>(null);
  const [title, setTitle] = useState(label ? `${label}问题整改` : '');
  const [ownerName, setOwnerName] = useState('');
  const [days, setDays] = useState('10');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!line) {
      setError('请选择责任条线');
      return;
    }
    setBusy(true);
    try {
      const task = await api.openRectification({
        line,
        title,
        ownerName,
        dueBusinessDays: Number(days),
        from: itemId ? { kind: 'item', itemId } : { kind: 'cluster', week, theme },
      });
      await Taro.redirectTo({ url: pageUrls.voiceRectification(task.rectificationId) });
    } catch (failure) {
      if (failure instanceof ApiError && failure.field) setError(failure.message);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, value: string, set: (v: string) => void, testId: string, type?: 'number') => (
    <>
      <Text className="zx-voice__label">{name}</Text>
      <Input
        className="zx-voice__input"
        data-testid={testId}
        type={type ?? 'text'}
        value={value}
        onInput={(event) => {
          set(event.detail.value);
          setError('');
        }}
      />
    </>
  );

  return (
    <View className="zx-voice" data-testid="rectification-form">
      <Text className="zx-muted">
        {itemId ? '针对单条客户之声' : `针对主题「${label}」（${week} 周）的全部客户之声`}
      </Text>
      <Text className="zx-voice__label">责任条线</Text>
      <View className="zx-voice__chips">
        {LINES.map((key) => (
          <View
            key={key}
            data-testid={`line-${key}`}
            className={`zx-voice__chip${line === key ? ' zx-voice__chip--selected' : ''}`}
            onClick={() => {
              setLine(key);
              setError('');
            }}
          >
            {RECTIFICATION_LINES[key]}
          </View>
        ))}
      </View>
      {field('整改事项', title, setTitle, 'rectification-title')}
      {field('负责人', ownerName, setOwnerName, 'rectification-owner')}
      {field(
        `整改期限（工作日，1–${RECTIFICATION_MAX_BUSINESS_DAYS}）`,
        days,
        setDays,
        'rectification-days',
        'number',
      )}
      {error ? <Text className="zx-voice__error">{error}</Text> : null}
      <View className="zx-voice__submit">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          发起整改
        </Button>
      </View>
    </View>
  );
}
