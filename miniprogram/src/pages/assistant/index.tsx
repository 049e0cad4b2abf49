import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  type AssistantButton,
  type AssistantReply,
  MAX_MESSAGE_CHARS,
  type SendAssistantMessageRequest,
} from '@zhixiang/shared/assistant/chat';
import type { HandoffMode } from '@zhixiang/shared/assistant/handoff';
import { brand } from '@zhixiang/shared/brand';
import { useEffect, useRef, useState } from 'react';
import { JourneyRating } from '../../components/journey-rating';
import { PageContainer } from '../../components/page-container';
import { Button } from '../../components/ui';
import { useHandoffLive } from '../../hooks/use-handoff-live';
import { useRoleTabs } from '../../hooks/use-role-tabs';
import { useSession } from '../../hooks/use-session';
import { api } from '../../services/api';
import { ApiError } from '../../services/request';
import { loadChatHistory, saveChatHistory } from './chat-history';
import { markSeen, seenSeq } from './handoff-seen';
import { openFlow } from './open-flow';
import { type AssistantTopic, takeAssistantTopic } from './topic';
import './index.scss';

interface ChatMessage {
  id: number;
  from: 'customer' | 'assistant';
  text: string[];
  buttons?: AssistantButton[];
  /** An assistant answer's turn, for 👍/👎; `rated` once given. */
  feedback?: { conversationId: string; turn: number; rated?: 'up' | 'down' };
  /** A customer message that did not reach the assistant: tap to send it again. */
  failed?: { error: string; retry: () => void };
  /** Overrides `chat-<from>` (a person's reply is `chat-staff`). */
  testId?: string;
}

/** Questions one tap away, for customers who do not know what to ask. */
const QUICK_QUESTIONS = ['我能贷多少钱', '我的分红有多少', '下次什么时候交保费', '怎么预约回访', '转人工'];

let nextId = 1;

function scrollToEnd(): void {
  void Taro.nextTick(() => void Taro.pageScrollTo({ scrollTop: 1_000_000, duration: 150 }));
}

interface OpenHandoff {
  handoffId: string;
  /** `message`: left outside service hours (留言), answered later. */
  mode: HandoffMode;
  /** Messages up to this seq were shown on an earlier visit. */
  startAfter: number;
  /** Resumed on a later visit: the customer's own messages up to this seq are history to show. */
  historyUpTo: number;
}

/** The 客服 tab: a conversation with the 7×24 assistant, signed in or not. */
export default function AssistantPage() {
  useRoleTabs();
  const session = useSession();
  const owner = session?.me.userId ?? null;
  // A reload or a return to the tab shows the conversation kept on the phone and continues it.
  const [restored] = useState(() => loadChatHistory(owner));
  const [messages, setMessages] = useState<ChatMessage[]>(() => {
    if (restored) {
      nextId = Math.max(nextId, ...restored.messages.map((m) => m.id + 1));
      return restored.messages;
    }
    return [
      {
        id: 0,
        from: 'assistant',
        text: [
          `您好，我是${brand.assistantName}，7×24 小时为您服务。可以问我分红、保单贷款、续期缴费、保全变更、理赔、回访等问题。`,
        ],
      },
    ];
  });
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [conversationId, setConversationId] = useState<string | undefined>(restored?.conversationId);
  useEffect(() => saveChatHistory(owner, conversationId, messages), [owner, conversationId, messages]);
  const [handoff, setHandoff] = useState<OpenHandoff | null>(null);
  /** The handoff a person closed, seen here: the customer is asked to rate it (while it waits for one). */
  const [closedHandoffId, setClosedHandoffId] = useState<string | null>(null);
  /** The product the customer came from: typed questions are answered about it until they end it. */
  const [productTopic, setProductTopic] = useState<AssistantTopic | null>(null);
  const handoffRef = useRef<OpenHandoff | null>(null);
  handoffRef.current = handoff;
  /** Whether a person has taken the open handoff; until then the customer waits in the queue. */
  const [claimed, setClaimed] = useState(false);
  const [queuedAhead, setQueuedAhead] = useState<number | null>(null);
  const waiting = handoff !== null && handoff.mode === 'live' && !claimed;

  const say = (text: string[], buttons?: AssistantButton[], feedback?: ChatMessage['feedback']) =>
    setMessages((list) => [
      ...list,
      {
        id: nextId++,
        from: 'assistant',
        text,
        ...(buttons ? { buttons } : {}),
        ...(feedback ? { feedback } : {}),
      },
    ]);

  /** 👍/👎: shown as given at once; a failure only means this rating was not recorded. */
  const rate = (message: ChatMessage, rating: 'up' | 'down') => {
    if (!message.feedback || message.feedback.rated) return;
    const { conversationId: id, turn } = message.feedback;
    setMessages((list) =>
      list.map((m) =>
        m.id === message.id && m.feedback ? { ...m, feedback: { ...m.feedback, rated: rating } } : m,
      ),
    );
    void api
      .rateAssistantAnswer({ conversationId: id, turn, rating }, { silent: true })
      .catch(() => undefined);
  };

  // While a person has the conversation, poll for their replies; a missed poll is retried next time.
  // Sent here from a product page: say what we are talking about and suggest a question.
  useDidShow(() => {
    const topic = takeAssistantTopic();
    if (!topic) return;
    setProductTopic(topic);
    say([`您想了解「${topic.name}」的哪些方面？可以直接提问，例如保障范围、投保年龄。`]);
    setDraft(`${topic.name}保障什么`);
  });

  // While a person has the conversation, their replies arrive live (WebSocket; HTTP polling as fallback).
  const announcedClaim = useRef(false);
  const messageLeft = useRef(false);
  const transport = useHandoffLive(
    handoff?.handoffId ?? null,
    (update) => {
      const open = handoffRef.current;
      if (!open) return;
      const last = update.messages[update.messages.length - 1];
      if (last) markSeen(open.handoffId, last.seq);
      // Our own messages are on screen already, except those of an earlier visit.
      const replies = update.messages.filter((m) => m.from === 'staff' || m.seq <= open.historyUpTo);
      const staffName = update.claimedByName ?? '人工客服';
      const notes: string[] = [];
      if (update.status !== 'queued') setClaimed(update.status === 'claimed');
      if (update.status === 'claimed' && !announcedClaim.current) {
        announcedClaim.current = true;
        notes.push(`${staffName}已接入，正在为您服务。`);
      }
      if (update.status === 'closed') {
        if (update.claimedByName) setClosedHandoffId(open.handoffId);
        setHandoff(null);
        announcedClaim.current = false;
        messageLeft.current = false;
      }
      setMessages((list) => [
        ...list,
        ...notes.map((note) => ({ id: nextId++, from: 'assistant' as const, text: [note] })),
        ...replies.map((m) =>
          m.from === 'staff'
            ? {
                id: nextId++,
                from: 'assistant' as const,
                text: [`${staffName}：${m.text}`],
                testId: 'chat-staff',
              }
            : { id: nextId++, from: 'customer' as const, text: [m.text] },
        ),
        ...(update.status === 'closed'
          ? [
              {
                id: nextId++,
                from: 'assistant' as const,
                text: [`人工服务已结束，${brand.assistantName}继续为您服务。`],
              },
            ]
          : []),
      ]);
      scrollToEnd();
    },
    handoff?.startAfter ?? 0,
  );

  // On a visit, a handoff still open is resumed, and the answer to a message left earlier is shown.
  useDidShow(() => {
    if (handoffRef.current || session?.me.role !== 'customer' || !session.me.customerId) return;
    void api
      .getLatestHandoff()
      .then(({ handoff: latest }) => {
        if (!latest || handoffRef.current) return;
        if (latest.status === 'closed' && latest.claimedByName) setClosedHandoffId(latest.handoffId);
        const seen = seenSeq(latest.handoffId);
        // A closed live chat was seen as it happened; a closed message may hold an unseen answer.
        if (latest.status === 'closed' && (latest.mode === 'live' || latest.lastSeq <= seen)) return;
        setHandoff({
          handoffId: latest.handoffId,
          mode: latest.mode,
          startAfter: seen,
          historyUpTo: latest.lastSeq,
        });
        say([
          latest.status === 'closed'
            ? '您之前的留言已有客服回复：'
            : latest.mode === 'message' && latest.status === 'queued'
              ? '您的留言已提交，客服上班后会尽快回复，回复后会短信通知您。'
              : '您有一个进行中的人工服务，已为您接回。',
        ]);
      })
      .catch(() => undefined);
  });

  // While waiting for a person: the place in the queue, refreshed every 10 s.
  useEffect(() => {
    if (!waiting || !handoff) {
      setQueuedAhead(null);
      return;
    }
    let stopped = false;
    const refresh = () =>
      api
        .listHandoffMessages(handoff.handoffId, { query: { after: '999999999' } })
        .then((update) => {
          if (!stopped) setQueuedAhead(update.queuedAhead);
        })
        .catch(() => undefined);
    void refresh();
    const timer = setInterval(() => void refresh(), 10_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [waiting, handoff]);

  /** Back to the assistant while still waiting in the queue (once someone has taken it, 409 says so). */
  const withdraw = async () => {
    const open = handoffRef.current;
    if (!open) return;
    try {
      await api.withdrawHandoff(open.handoffId);
      setHandoff(null);
      setClaimed(false);
      say([`已取消转人工，${brand.assistantName}继续为您服务，您可以继续提问。`]);
    } catch {
      // The request wrapper showed the reason (e.g. someone has just taken the conversation).
    }
  };

  /** Sends a typed message or a tapped reply button; the typed text stays in the box until it is answered. */
  const send = async (
    text: string,
    choice: Pick<SendAssistantMessageRequest, 'intent' | 'policyNo'> = {},
    typed = false,
  ) => {
    const trimmed = text.trim();
    if (!trimmed || sending) return;
    const id = nextId++;
    const retry = () => {
      setMessages((list) => list.filter((m) => m.id !== id));
      void send(trimmed, choice, typed);
    };
    setMessages((list) => [...list, { id, from: 'customer', text: [trimmed] }]);
    setSending(true);
    scrollToEnd();
    try {
      const open = handoffRef.current;
      if (open) {
        // A person has the conversation: the message goes to them.
        const sent = await api.sendHandoffMessage(open.handoffId, { text: trimmed }, { silent: true });
        markSeen(open.handoffId, sent.seq);
        if (typed) setDraft('');
        if (open.mode === 'message' && !messageLeft.current) {
          messageLeft.current = true;
          say(['留言已收到。客服上班后会尽快回复，回复后会短信通知您，您也可以回到「客服」页查看。']);
        }
        return;
      }
      const reply: AssistantReply = await api.sendAssistantMessage(
        {
          text: trimmed,
          ...(conversationId ? { conversationId } : {}),
          ...(productTopic ? { productCode: productTopic.productCode } : {}),
          ...choice,
        },
        { silent: true },
      );
      setConversationId(reply.conversationId);
      // The assistant handed over by itself (a second miss, or a complaint in anger).
      if (reply.handoff)
        setHandoff({
          handoffId: reply.handoff.handoffId,
          mode: reply.handoff.mode,
          startAfter: 0,
          historyUpTo: 0,
        });
      // Answers and refusals are rated; questions back to the customer (clarify, which policy) are not.
      const rateable =
        reply.kind !== 'clarify' && reply.kind !== 'choose_policy' && reply.kind !== 'smalltalk';
      say(
        reply.text,
        reply.buttons,
        rateable ? { conversationId: reply.conversationId, turn: reply.turn } : undefined,
      );
      if (typed) setDraft('');
    } catch (error) {
      const message = error instanceof ApiError ? error.message : '发送失败，请检查网络后重试';
      setMessages((list) => list.map((m) => (m.id === id ? { ...m, failed: { error: message, retry } } : m)));
    } finally {
      setSending(false);
      scrollToEnd();
    }
  };

  const handOver = async () => {
    if (!conversationId || handoffRef.current || sending) return;
    setSending(true);
    try {
      const opened = await api.requestHandoff({ conversationId }, { silent: true });
      setHandoff({ handoffId: opened.handoffId, mode: opened.mode, startAfter: 0, historyUpTo: 0 });
      const topic = opened.intentName && opened.intent !== 'human_agent' ? `（${opened.intentName}）` : '';
      say([
        opened.mode === 'message'
          ? `现在是人工客服非服务时间（服务时间：${opened.serviceHours}）。请直接留言说明您的问题${topic}，刚才的对话已一并转交，客服上班后会尽快回复，并短信通知您。`
          : `已为您转接人工客服${topic}，刚才的对话已一并转交，无需重复核对身份。请稍候，客服接入后会在这里回复您。`,
      ]);
    } catch (error) {
      say([error instanceof ApiError ? error.message : '转接失败，请稍后重试']);
    } finally {
      setSending(false);
      scrollToEnd();
    }
  };

  const tap = (button: AssistantButton) => {
    if (button.action.type === 'open' && button.action.flow === 'human_handoff') void handOver();
    else if (button.action.type === 'open') openFlow(button.action, conversationId);
    else
      void send(button.label, {
        ...(button.action.intent ? { intent: button.action.intent } : {}),
        ...(button.action.policyNo ? { policyNo: button.action.policyNo } : {}),
      });
  };

  return (
    <PageContainer requireSignIn={false} className="zx-chat">
      {() => (
        <View>
          {session ? null : (
            <View className="zx-notice zx-chat__sign-in" data-testid="assistant-sign-in">
              <Text>登录后，我可以直接查询您保单的可贷金额、分红和缴费日期。</Text>
              <Button size="small" type="primary" onClick={() => openFlow({ type: 'open', flow: 'sign_in' })}>
                登录
              </Button>
            </View>
          )}
          <View className="zx-chat__messages" data-testid="assistant-messages">
            {messages.map((message) => (
              <View
                key={message.id}
                className={`zx-chat__row zx-chat__row--${message.from}`}
                data-testid={message.testId ?? `chat-${message.from}`}
              >
                <View className="zx-chat__bubble">
                  {message.text.map((paragraph) => (
                    <Text key={paragraph} className="zx-chat__paragraph">
                      {paragraph}
                    </Text>
                  ))}
                  {message.buttons?.length ? (
                    <View className="zx-chat__buttons">
                      {message.buttons.map((button) => (
                        <Button
                          key={button.label}
                          size="small"
                          type={button.action.type === 'open' ? 'primary' : 'default'}
                          fill={button.action.type === 'open' ? 'solid' : 'outline'}
                          disabled={sending && button.action.type === 'reply'}
                          data-testid="assistant-button"
                          onClick={() => tap(button)}
                        >
                          {button.label}
                        </Button>
                      ))}
                    </View>
                  ) : null}
                </View>
                {message.feedback ? (
                  <View className="zx-chat__feedback" data-testid="answer-feedback">
                    {message.feedback.rated ? (
                      <Text>谢谢您的评价</Text>
                    ) : (
                      <>
                        <Text onClick={() => rate(message, 'up')}>有用</Text>
                        <Text onClick={() => rate(message, 'down')}>没用</Text>
                      </>
                    )}
                  </View>
                ) : null}
                {message.failed ? (
                  <View className="zx-chat__failed" data-testid="chat-failed" onClick={message.failed.retry}>
                    {message.failed.error} · 点击重试
                  </View>
                ) : null}
              </View>
            ))}
            {sending ? (
              <View className="zx-chat__row zx-chat__row--assistant" data-testid="assistant-typing">
                <View className="zx-chat__bubble zx-chat__bubble--typing">
                  {brand.assistantName}正在思考…
                </View>
              </View>
            ) : null}
          </View>
          <View className="zx-chat__composer">
            {closedHandoffId && !handoff ? (
              <JourneyRating journey="handoff" subjectId={closedHandoffId} />
            ) : null}
            {handoff ? (
              <View className="zx-notice" data-testid="handoff-status">
                {handoff.mode === 'message'
                  ? '留言模式：您发送的内容将由客服上班后回复'
                  : waiting
                    ? `正在为您转接人工客服…${queuedAhead === null ? '' : queuedAhead === 0 ? '（您是下一位）' : `（前面还有 ${queuedAhead} 位）`}`
                    : '人工客服服务中：您发送的消息将由客服回复'}
                {transport === 'polling' ? '（网络不稳定，正在重新连接…）' : ''}
                {waiting ? (
                  <Text
                    className="zx-primary-text"
                    data-testid="handoff-withdraw"
                    onClick={() => void withdraw()}
                  >
                    {' '}
                    返回智能客服
                  </Text>
                ) : null}
              </View>
            ) : null}
            {productTopic && !handoff ? (
              <View className="zx-notice" data-testid="product-topic">
                正在咨询：{productTopic.name}
                <Text
                  className="zx-primary-text"
                  data-testid="end-product-topic"
                  onClick={() => setProductTopic(null)}
                >
                  {' '}
                  结束咨询
                </Text>
              </View>
            ) : null}
            <View className="zx-chat__chips">
              {QUICK_QUESTIONS.map((question) => (
                <View
                  key={question}
                  className="zx-chat__chip"
                  data-testid="quick-question"
                  onClick={() => void send(question)}
                >
                  {question}
                </View>
              ))}
            </View>
            <View className="zx-chat__input-row">
              <Input
                className="zx-chat__input"
                value={draft}
                placeholder="请输入您的问题"
                maxlength={MAX_MESSAGE_CHARS}
                confirmType="send"
                onInput={(event) => setDraft(event.detail.value)}
                onConfirm={() => void send(draft, {}, true)}
              />
              <Button
                type="primary"
                size="small"
                loading={sending}
                disabled={sending || draft.trim() === ''}
                onClick={() => void send(draft, {}, true)}
              >
                发送
              </Button>
            </View>
          </View>
        </View>
      )}
    </PageContainer>
  );
}
