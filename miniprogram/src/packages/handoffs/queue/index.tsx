import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import type { Handoff } from '@zhixiang/shared/assistant/handoff';
import { formatShanghaiMonthDayTime } from '@zhixiang/shared/format/dates';
import { useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { SplitConsole, type SplitItemMode } from '../../../components/split-console';
import { Button, Tag } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import '../handoffs.scss';
import { HandoffChatView } from '../chat/handoff-chat';

/** New handoffs show up without pulling down while the queue is on screen. */
const QUEUE_REFRESH_MS = 10_000;

/**
 * The staff console's queue: open handoffs of the staff member's branch subtree, oldest first. At
 * 768 px and wider (H5, staff at a PC) the queue and the selected conversation stand side by side.
 */
export default function HandoffQueuePage() {
  const data = usePageData(() => api.listHandoffQueue());
  const timer = useRef<ReturnType<typeof setInterval>>();
  useDidShow(() => {
    void data.reload();
    clearInterval(timer.current);
    timer.current = setInterval(() => void data.reload(), QUEUE_REFRESH_MS);
  });
  // Leaving by navigateBack unloads the page without hiding it: stop polling on both.
  useDidHide(() => clearInterval(timer.current));
  useUnload(() => clearInterval(timer.current));

  return (
    <PageContainer
      data={data}
      refreshable
      isEmpty={(queue) => queue.handoffs.length === 0}
      empty={{ title: '暂无等待中的客户', description: '客户在「客服」页转人工后，会出现在这里' }}
    >
      {(queue) => (
        <View className="zx-handoffs">
          <SplitConsole
            items={queue.handoffs}
            keyOf={(handoff) => handoff.handoffId}
            testIdPrefix="handoff-console"
            placeholder="请选择左侧的客户"
            renderItem={(handoff, mode) => (
              <QueueCard handoff={handoff} mode={mode} onChanged={() => void data.reload()} />
            )}
            renderDetail={(handoff) => (
              // Claimed from its card: the conversation opens afresh in its new state.
              <HandoffChatView
                key={handoff.status}
                handoffId={handoff.handoffId}
                onChanged={() => void data.reload()}
              />
            )}
          />
        </View>
      )}
    </PageContainer>
  );
}

function QueueCard({
  handoff,
  mode,
  onChanged,
}: {
  handoff: Handoff;
  mode: SplitItemMode;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const open = () =>
    mode.onSelect ? mode.onSelect() : void Taro.navigateTo({ url: pageUrls.handoffChat(handoff.handoffId) });
  const claim = async () => {
    setBusy(true);
    try {
      await api.claimHandoff(handoff.handoffId);
      open();
      if (mode.onSelect) onChanged();
    } catch {
      // The API client has shown why (e.g. a colleague took it first); the queue shows the truth.
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`zx-card${mode.selected ? ' zx-split__selected' : ''}`} data-testid="handoff-card">
      <View className="zx-handoffs__head">
        <Text className="zx-card__title">{handoff.customerName}</Text>
        <View>
          {handoff.mode === 'message' ? <Tag type="warning">留言</Tag> : null}
          {handoff.identityVerified ? <Tag type="success">身份已核验</Tag> : null}
        </View>
      </View>
      <View className="zx-muted">
        {handoff.intentName ? `咨询：${handoff.intentName} · ` : ''}转入于{' '}
        {formatShanghaiMonthDayTime(handoff.createdAt)}
      </View>
      {handoff.transcript.length > 0 ? (
        <View className="zx-handoffs__last">“{handoff.transcript[handoff.transcript.length - 1]?.text}”</View>
      ) : null}
      <View className="zx-handoffs__actions">
        {handoff.status === 'queued' ? (
          <Button type="primary" size="small" loading={busy} disabled={busy} onClick={() => void claim()}>
            接入
          </Button>
        ) : handoff.claimedByMe ? (
          <Button type="primary" size="small" onClick={open}>
            继续对话
          </Button>
        ) : (
          <>
            <Text className="zx-muted">{handoff.claimedByName ?? '同事'}接待中</Text>
            <Button size="small" onClick={open}>
              查看
            </Button>
          </>
        )}
      </View>
    </View>
  );
}
