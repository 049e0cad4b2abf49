import type Taro from '@tarojs/taro';
import type { EscalatedComplaintPush, VoiceItemView, VoiceServerFrame } from '@zhixiang/shared/voice/schemas';
import { useEffect, useRef, useState } from 'react';
import { openLiveSocket } from '../../lib/live-socket';
import { runtimeConfig } from '../../lib/runtime-config';
import { getSession } from '../../lib/session';

const RETRY_MS = 3000;

/**
 * 高管聆听: the live chat's WebSocket, listening to the reader's subtree (`listenVoice`). Each pushed
 * item goes to `onItem`, each complaint escalated to the reader's level or below to `onEscalation`; every (re)connection calls `onConnected` first, so the page reloads its
 * list and misses nothing while the socket was down. Returns the scope being listened to, or null
 * while not connected (no socket on this stage, or reconnecting every 3 s).
 */
export function useVoiceLive(
  onItem: (item: VoiceItemView) => void,
  onEscalation: (complaint: EscalatedComplaintPush) => void,
  onConnected: () => void,
): string | null {
  const [scope, setScope] = useState<string | null>(null);
  const handlers = useRef({ onItem, onEscalation, onConnected });
  handlers.current = { onItem, onEscalation, onConnected };

  useEffect(() => {
    let stopped = false;
    let socket: Taro.SocketTask | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const retry = () => {
      setScope(null);
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(() => void connect(), RETRY_MS);
    };
    async function connect() {
      const url = runtimeConfig().liveChatUrl;
      const token = getSession()?.accessToken;
      if (stopped || !url || !token) return;
      const task = await openLiveSocket(url, token, (ended) => {
        if (socket !== ended) return;
        socket = null;
        retry();
      });
      if (!task) return retry();
      if (stopped) return task.close({});
      socket = task;
      task.onOpen(() => task.send({ data: JSON.stringify({ action: 'listenVoice' }) }));
      task.onMessage((message) => {
        let frame: VoiceServerFrame;
        try {
          frame = JSON.parse(String(message.data)) as VoiceServerFrame;
        } catch {
          return;
        }
        if (frame.type === 'voice_listening') {
          setScope(frame.scopeName);
          handlers.current.onConnected();
        } else if (frame.type === 'voice_item') handlers.current.onItem(frame.item);
        else if (frame.type === 'voice_complaint_escalated') handlers.current.onEscalation(frame.complaint);
      });
    }
    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close({});
    };
  }, []);

  return scope;
}
