import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import type { RectificationView } from '@zhixiang/shared/voice/rectification';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { RectificationHeading } from '../rectification-heading';
import '../voice.scss';

/**
 * One rectification task: what, which line, who owns it, by when, which level answers for it, the
 * items it answers and its audited trail; while open, a progress note or the closure with its
 * evidence.
 */
export default function RectificationPage() {
  const { params } = useRouter();
  const rectificationId = decodeURIComponent(params.rectificationId ?? '');
  const data = usePageData(() => api.getRectification(rectificationId), Boolean(rectificationId));
  useReloadOnShow(data);
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看该整改任务">
      {(r) => (
        <View className="zx-voice" data-testid="rectification-detail">
          <View className="zx-card">
            <RectificationHeading task={r} />
            <Text className="zx-muted">编号 {r.rectificationId}</Text>
            <Text className="zx-muted">
              负责人 {r.ownerName} · 整改期限 {r.dueDate}
            </Text>
            <Text className="zx-muted">
              发起：{r.branchName} · 当前督办：{r.handlingName}
            </Text>
            <Text className="zx-muted">
              {r.fromLabel}，关联客户之声 {r.itemIds.length} 条
            </Text>
            {r.evidence ? <Text data-testid="rectification-evidence">整改结果：{r.evidence}</Text> : null}
          </View>
          <View className="zx-card" data-testid="rectification-trail">
            <Text className="zx-card__title">处理记录</Text>
            {r.trail.map((t) => (
              <Text key={`${t.type}-${t.at}`} className="zx-voice__trail">
                {formatShanghaiDateTime(t.at)} {t.label} · {t.byName}：{t.text}
              </Text>
            ))}
          </View>
          {r.status === 'open' ? <Steps task={r} onChanged={() => void data.reload()} /> : null}
        </View>
      )}
    </PageContainer>
  );
}

function Steps({ task, onChanged }: { task: RectificationView; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (step: 'note' | 'close') => {
    setBusy(true);
    try {
      if (step === 'note') await api.addRectificationNote(task.rectificationId, { note: text });
      else await api.closeRectification(task.rectificationId, { evidence: text });
      setText('');
      void Taro.showToast({ title: step === 'note' ? '已记录' : '已关闭', icon: 'success' });
      onChanged();
    } catch (failure) {
      if (failure instanceof ApiError && failure.field) setError(failure.message);
      else if (failure instanceof ApiError && failure.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="zx-card">
      <Text className="zx-voice__label">进展或整改结果</Text>
      <Textarea
        className="zx-voice__textarea"
        data-testid="rectification-text"
        maxlength={1000}
        placeholder="记录进展；关闭时写明整改结果与佐证（至少 10 个字）"
        value={text}
        onInput={(event) => {
          setText(event.detail.value);
          setError('');
        }}
      />
      {error ? <Text className="zx-voice__error">{error}</Text> : null}
      <View className="zx-voice__row">
        <Button size="small" fill="outline" disabled={busy} onClick={() => void send('note')}>
          记录进展
        </Button>
        <Button size="small" type="primary" disabled={busy} onClick={() => void send('close')}>
          关闭整改
        </Button>
      </View>
    </View>
  );
}
