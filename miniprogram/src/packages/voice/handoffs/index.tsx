import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import type { ListenedHandoff, ListenedHandoffView } from '@zhixiang/shared/voice/listen-in';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { SplitConsole } from '../../../components/split-console';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { useHandoffListen } from '../use-handoff-listen';
import { ListenedChat } from './listened-chat';
import '../voice.scss';

function HandoffCard({
  handoff,
  selected,
  onOpen,
}: {
  handoff: ListenedHandoff;
  selected: boolean;
  onOpen: () => void;
}) {
  return (
    <View
      className={`zx-card${selected ? ' zx-split__selected' : ''}`}
      data-testid="listened-handoff"
      onClick={onOpen}
    >
      <View className="zx-voice__row">
        <Text className="zx-card__title">
          {handoff.customerLabel} · {handoff.intentName ?? '人工客服'}
        </Text>
        <Tag type={handoff.status === 'claimed' ? 'primary' : 'warning'}>{handoff.statusLabel}</Tag>
      </View>
      <Text className="zx-muted">
        {handoff.branchName} · {formatShanghaiDateTime(handoff.createdAt)}
        {handoff.claimedByName ? ` · 接待：${handoff.claimedByName}` : ''}
      </Text>
    </View>
  );
}

/** The chat of one handoff: read over HTTP first, then live over the socket while it is open. */
function ListenIn({ handoffId }: { handoffId: string }) {
  const [initial, setInitial] = useState<ListenedHandoffView | null>(null);
  const [failed, setFailed] = useState('');
  useEffect(() => {
    setInitial(null);
    setFailed('');
    api
      .getVoiceHandoff(handoffId)
      .then(setInitial, (error: unknown) =>
        setFailed(error instanceof Error && error.message ? error.message : '暂时无法打开该对话'),
      );
  }, [handoffId]);
  const state = useHandoffListen(handoffId, initial);
  if (failed && !state.handoff) return <Text className="zx-voice__error">{failed}</Text>;
  if (!state.handoff) return <Text className="zx-muted">正在打开对话…</Text>;
  return (
    <ListenedChat
      handoff={state.handoff}
      messages={state.messages}
      live={state.live}
      refused={state.refused}
    />
  );
}

/**
 * 高管聆听 · 人工客服旁听: the live handoff chats (排队中 and 服务中) of the executive's branch subtree,
 * customers masked; one opened is read-only and receives new messages live, masked. On a phone
 * the list opens a chat in place with 返回列表; in the H5 build at pad or PC width the list sits
 * beside the chat. Opening and leaving a chat is recorded in the listening log.
 */
export default function VoiceHandoffsPage() {
  const data = usePageData(() => api.listVoiceHandoffs());
  useReloadOnShow(data);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看人工客服对话"
      isEmpty={(list) => list.handoffs.length === 0 && openId === null}
      empty={{ title: '本机构暂无进行中的人工客服对话', description: '客户转人工后会出现在这里，下拉可刷新' }}
    >
      {(list) => (
        <View className="zx-voice" data-testid="voice-handoffs">
          {openId ? (
            <>
              <Button size="small" fill="none" data-testid="listened-back" onClick={() => setOpenId(null)}>
                返回列表
              </Button>
              <ListenIn handoffId={openId} />
            </>
          ) : (
            <SplitConsole
              items={list.handoffs}
              keyOf={(h) => h.handoffId}
              testIdPrefix="listened-handoff"
              placeholder="请选择左侧的对话"
              renderItem={(handoff, { onSelect, selected }) => (
                <HandoffCard
                  handoff={handoff}
                  selected={selected}
                  onOpen={onSelect ?? (() => setOpenId(handoff.handoffId))}
                />
              )}
              renderDetail={(handoff) => <ListenIn handoffId={handoff.handoffId} />}
            />
          )}
        </View>
      )}
    </PageContainer>
  );
}
