import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import type { ListenedHandoffView, ListenedMessage } from '@zhixiang/shared/voice/listen-in';
import { Tag } from '../../../components/ui';

/**
 * One handoff chat as an executive listens in: read-only — no box to type in, nothing to send —
 * the customer masked (张*), every message masked by the server; the chat with the assistant first.
 */
export function ListenedChat({
  handoff,
  messages,
  live,
  refused,
}: {
  handoff: ListenedHandoffView;
  messages: readonly ListenedMessage[];
  live: boolean;
  refused: string | null;
}) {
  return (
    <View className="zx-card zx-voice__chat" data-testid="listened-chat">
      <View className="zx-voice__row">
        <Text className="zx-card__title">
          {handoff.customerLabel} · {handoff.intentName ?? '人工客服'}
        </Text>
        <Tag type={handoff.status === 'closed' ? 'default' : 'primary'}>{handoff.statusLabel}</Tag>
      </View>
      <Text className="zx-muted">
        {handoff.branchName} · {formatShanghaiDateTime(handoff.createdAt)} 转人工
        {handoff.claimedByName ? ` · 接待：${handoff.claimedByName}` : ''}
      </Text>
      <Text className="zx-muted" data-testid="listened-chat-live">
        {refused ?? (live ? '实时旁听中（只读，个人信息已脱敏）' : '实时推送未连接，正在重试…')}
      </Text>
      {handoff.transcript.length > 0 ? (
        <View className="zx-voice__transcript">
          <Text className="zx-voice__label">转人工前与智能客服的对话</Text>
          {handoff.transcript.map((t) => (
            <Text key={t.seq} className="zx-voice__transcript-line">
              客户：{t.text}
            </Text>
          ))}
        </View>
      ) : null}
      {messages.length === 0 ? <Text className="zx-muted">暂无人工对话消息</Text> : null}
      {messages.map((m) => (
        <View
          key={m.seq}
          className={`zx-voice__bubble zx-voice__bubble--${m.from}`}
          data-testid="listened-message"
        >
          <Text className="zx-voice__bubble-from">
            {m.fromLabel} · {formatShanghaiDateTime(m.at)}
          </Text>
          <Text>{m.text}</Text>
        </View>
      ))}
    </View>
  );
}
