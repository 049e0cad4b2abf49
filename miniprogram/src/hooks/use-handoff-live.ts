import type Taro from '@tarojs/taro';
import type { HandoffMessage, HandoffStatus } from '@zhixiang/shared/assistant/handoff';
import type { LiveChatServerFrame } from '@zhixiang/shared/assistant/live-chat';
import { useEffect, useRef, useState } from 'react';
import { openLiveSocket } from '../lib/live-socket';
import { MessageSequence } from '../lib/message-sequence';
import { runtimeConfig } from '../lib/runtime-config';
import { getSession } from '../lib/session';
import { api } from '../services/api';

export interface HandoffLiveUpdate {
  /** New messages, each once and in seq order. */
  messages: HandoffMessage[];
  status: HandoffStatus;
  claimedByName: string | null;
}

/** `socket` = pushed live; `polling` = the socket is down (reconnecting) or unavailable, HTTP every 3 s. */
export type LiveTransport = 'connecting' | 'socket' | 'polling';

const POLL_MS = 3000;
const MAX_BACKOFF_MS = 30_000;

/**
 * The live chat of one handoff, for the customer's 客服 tab and the staff console alike.
 * Each (re)connection first catches up over HTTP (`GET …/messages?after=`, which also refreshes an
 * expired access token), then opens the WebSocket with the token and subscribes after the last seq
 * seen. While the socket is down it polls and retries with exponential backoff (1 s … 30 s); where no
 * socket can be had (no URL, refused) polling simply continues. MessageSequence removes duplicates
 * and keeps the order across pushes, replays and polls.
 */
export function useHandoffLive(
  handoffId: string | null,
  onUpdate: (update: HandoffLiveUpdate) => void,
  startAfter = 0,
): LiveTransport | null {
  const [transport, setTransport] = useState<LiveTransport | null>(null);
  const onUpdateRef = useRef(onUpdate);
  onUpdateRef.current = onUpdate;

  useEffect(() => {
    if (!handoffId) {
      setTransport(null);
      return;
    }
    const sequence = new MessageSequence<HandoffMessage>(startAfter);
    let stopped = false;
    let socket: Taro.SocketTask | null = null;
    let socketOpen = false;
    let failures = 0;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let last: Omit<HandoffLiveUpdate, 'messages'> | null = null;

    const stop = () => {
      stopped = true;
      clearTimeout(pollTimer);
      clearTimeout(reconnectTimer);
      socket?.close({});
      socket = null;
    };

    const deliver = (messages: HandoffMessage[], state?: Omit<HandoffLiveUpdate, 'messages'>) => {
      if (stopped) return;
      const ready = sequence.accept(messages);
      const changed = state && (state.status !== last?.status || state.claimedByName !== last?.claimedByName);
      if (state) last = state;
      if (!last || (ready.length === 0 && !changed)) return;
      onUpdateRef.current({ messages: ready, ...last });
      if (last.status === 'closed') stop();
    };

    const catchUp = async () => {
      const update = await api.listHandoffMessages(handoffId, { query: { after: String(sequence.lastSeq) } });
      deliver(update.messages, { status: update.status, claimedByName: update.claimedByName });
    };

    const poll = () => {
      clearTimeout(pollTimer);
      pollTimer = setTimeout(async () => {
        if (stopped || socketOpen) return;
        await catchUp().catch(() => undefined);
        poll();
      }, POLL_MS);
    };

    const retry = () => {
      if (stopped) return;
      socketOpen = false;
      setTransport('polling');
      poll();
      failures += 1;
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(connect, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1)));
    };

    const onFrame = (data: unknown) => {
      let frame: LiveChatServerFrame;
      try {
        frame = JSON.parse(String(data)) as LiveChatServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'messages')
        deliver(frame.messages, { status: frame.status, claimedByName: frame.claimedByName });
      else if (frame.type === 'message' && frame.handoffId === handoffId) deliver([frame.message]);
      else if (frame.type === 'status' && frame.handoffId === handoffId)
        deliver([], { status: frame.status, claimedByName: frame.claimedByName });
    };

    async function connect() {
      if (stopped) return;
      try {
        await catchUp();
      } catch {
        return retry();
      }
      const url = runtimeConfig().liveChatUrl;
      const token = getSession()?.accessToken;
      if (stopped) return;
      if (!url || !token) {
        setTransport('polling');
        return poll();
      }
      const task = await openLiveSocket(url, token, (ended) => {
        if (socket !== ended) return;
        socket = null;
        retry();
      });
      if (!task) return retry();
      if (stopped) return task.close({});
      socket = task;
      task.onOpen(() => {
        socketOpen = true;
        failures = 0;
        clearTimeout(pollTimer);
        setTransport('socket');
        task.send({ data: JSON.stringify({ action: 'subscribe', handoffId, after: sequence.lastSeq }) });
      });
      task.onMessage((message) => onFrame(message.data));
    }

    setTransport('connecting');
    void connect();
    return stop;
  }, [handoffId, startAfter]);

  return transport;
}
