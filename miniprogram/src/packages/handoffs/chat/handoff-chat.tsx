import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Handoff, HandoffMessage } from '@zhixiang/shared/assistant/handoff';
import { formatShanghaiMonthDayTime } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { InfoRow } from '../../../components/info-row';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { type HandoffLiveUpdate, useHandoffLive } from '../../../hooks/use-handoff-live';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import '../handoffs.scss';

const STATUS_TEXT = { queued: '等待接入', claimed: '服务中', closed: '已结束' } as const;

/** Adds messages not seen yet (by seq), in seq order: pushes, replays and our own sends overlap. */
function mergeMessages(list: HandoffMessage[], incoming: HandoffMessage[]): HandoffMessage[] {
  const seen = new Set(list.map((m) => m.seq));
  const fresh = incoming.filter((m) => !seen.has(m.seq));
  return fresh.length === 0 ? list : [...list, ...fresh].sort((a, b) => a.seq - b.seq);
}

/**
 * The staff console's chat: who the customer is (verified identity, masked), what they asked the
 * assistant and the detected intent — so nobody asks again —, then the live chat, and closing with
 * a summary. Replies go out over HTTP; the customer's messages arrive live (WebSocket, or polling).
 */
export function HandoffChatView({
  handoffId,
  onChanged,
}: {
  handoffId: string;
  /** Beside the queue (a console side by side): told after a claim or a close, and no way back is shown. */
  onChanged?: () => void;
}) {
  const data = usePageData(() => api.getHandoff(handoffId, { silent: false }), handoffId !== '');
  return (
    <PageContainer data={data} errorTitle="无法打开该人工服务">
      {(handoff) => <HandoffChat initial={handoff} {...(onChanged ? { onChanged } : {})} />}
    </PageContainer>
  );
}

function HandoffChat({ initial, onChanged }: { initial: Handoff; onChanged?: () => void }) {
  const [handoff, setHandoff] = useState(initial);
  const [messages, setMessages] = useState<HandoffMessage[]>([]);
  const [draft, setDraft] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);

  // The hook stops by itself once the handoff is closed (after loading its messages).
  const transport = useHandoffLive(handoff.handoffId, (update: HandoffLiveUpdate) => {
    setMessages((list) => mergeMessages(list, update.messages));
    setHandoff((current) => ({ ...current, status: update.status, claimedByName: update.claimedByName }));
    // On its own page the newest message scrolls into view; beside the queue the page stays put.
    if (!onChanged) void Taro.nextTick(() => void Taro.pageScrollTo({ scrollTop: 1_000_000, duration: 150 }));
  });

  const claim = async () => {
    setBusy(true);
    try {
      setHandoff(await api.claimHandoff(handoff.handoffId));
      onChanged?.();
    } catch {
      // shown by the API client (e.g. a colleague was faster)
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    const text = draft.trim();
    if (!text || busy) return;
    setBusy(true);
    setSendError(null);
    try {
      const sent = await api.sendHandoffMessage(handoff.handoffId, { text }, { silent: true });
      setMessages((list) => mergeMessages(list, [sent]));
      setDraft('');
    } catch (error) {
      // The typed reply stays in the box.
      setSendError(error instanceof ApiError ? error.message : '发送失败，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };

  const close = async () => {
    setBusy(true);
    try {
      setHandoff(await api.closeHandoff(handoff.handoffId, { summary }));
      Taro.showToast({ title: '已结束服务', icon: 'success' });
      onChanged?.();
    } catch {
      // shown by the API client; the summary stays
    } finally {
      setBusy(false);
    }
  };

  const mine = handoff.claimedByMe && handoff.status === 'claimed';
  return (
    <View className="zx-handoffs" data-testid="handoff-chat">
      <View className="zx-card" data-testid="handoff-context">
        <View className="zx-handoffs__head">
          <Text className="zx-card__title">{handoff.customerName}</Text>
          {handoff.identityVerified ? <Tag type="success">身份已核验</Tag> : null}
        </View>
        <InfoRow label="证件号码" value={handoff.idNumberMasked ?? '—'} />
        <InfoRow label="手机号码" value={handoff.phoneMasked ?? '—'} />
        <InfoRow label="咨询意图" value={handoff.intentName ?? '未识别'} testId="handoff-intent" />
        {handoff.mode === 'message' ? (
          <InfoRow label="方式" value="非服务时间留言：回复后客户会收到短信通知" />
        ) : null}
        <InfoRow
          label="状态"
          value={`${STATUS_TEXT[handoff.status]}${handoff.claimedByName ? ` · ${handoff.claimedByName}` : ''}`}
        />
        <View className="zx-handoffs__transcript" data-testid="handoff-transcript">
          <Text className="zx-muted">客户与智能客服的对话</Text>
          {handoff.transcript.map((turn) => (
            <Text key={turn.seq} className="zx-handoffs__turn">
              客户：{turn.text}（{turn.intentName}）
            </Text>
          ))}
        </View>
      </View>

      <View className="zx-handoffs__messages" data-testid="handoff-messages">
        {messages.map((message) => (
          <View
            key={message.seq}
            className={`zx-handoffs__message zx-handoffs__message--${message.from}`}
            data-testid={`handoff-message-${message.from}`}
          >
            <View className="zx-handoffs__bubble">{message.text}</View>
            <Text className="zx-muted">{formatShanghaiMonthDayTime(message.at)}</Text>
          </View>
        ))}
        {transport === 'polling' && handoff.status !== 'closed' ? (
          <View className="zx-notice">网络不稳定，正在重新连接…</View>
        ) : null}
      </View>

      {handoff.status === 'queued' ? (
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void claim()}>
          接入
        </Button>
      ) : null}

      {mine ? (
        <View className="zx-card">
          <View className="zx-handoffs__composer">
            <Input
              className="zx-handoffs__input"
              value={draft}
              placeholder="回复客户"
              maxlength={500}
              confirmType="send"
              onInput={(event) => setDraft(event.detail.value)}
              onConfirm={() => void send()}
            />
            <Button
              type="primary"
              size="small"
              disabled={busy || draft.trim() === ''}
              onClick={() => void send()}
            >
              发送
            </Button>
          </View>
          {sendError ? (
            <View className="zx-handoffs__error" data-testid="handoff-send-error">
              {sendError}
            </View>
          ) : null}
          <Textarea
            className="zx-handoffs__summary"
            maxlength={500}
            placeholder="服务小结（结束服务时必填），例如：已说明保单贷款办理方式"
            value={summary}
            onInput={(event) => setSummary(event.detail.value)}
          />
          <Button block disabled={busy || summary.trim() === ''} onClick={() => void close()}>
            结束服务
          </Button>
        </View>
      ) : null}

      {handoff.status === 'claimed' && !handoff.claimedByMe ? (
        <View className="zx-notice">该客户由{handoff.claimedByName ?? '同事'}接待中，您可以查看对话。</View>
      ) : null}
      {handoff.status === 'closed' ? (
        <View className="zx-notice" data-testid="handoff-closed">
          服务已结束{handoff.summary ? `，小结：${handoff.summary}` : ''}
          {onChanged ? null : (
            <Button
              block
              data-testid="back-to-queue"
              onClick={() =>
                Taro.getCurrentPages().length > 1
                  ? void Taro.navigateBack()
                  : void Taro.redirectTo({ url: pageUrls.handoffQueue })
              }
            >
              返回接待队列
            </Button>
          )}
        </View>
      ) : null}
    </View>
  );
}
