import type {
  EscalatedComplaintPush,
  StandardAlertPush,
  VoiceItemView,
  VoiceServerFrame,
} from '@zhixiang/shared/voice/schemas';
import { useEffect, useRef, useState } from 'react';
import { keepLiveSocket } from '../../lib/live-socket';

/**
 * 高管聆听: the live chat's WebSocket, listening to the reader's subtree (`listenVoice`). Each pushed
 * item goes to `onItem`, each complaint escalated to the reader's level or below to `onEscalation`,
 * each service-standard alert that went to the reader's level or below to `onStandardAlert`; every (re)connection calls `onConnected` first, so the page reloads its
 * list and misses nothing while the socket was down. Returns the scope being listened to, or null
 * while not connected (no socket on this stage, or reconnecting every 3 s).
 */
export function useVoiceLive(
  onItem: (item: VoiceItemView) => void,
  onEscalation: (complaint: EscalatedComplaintPush) => void,
  onConnected: () => void,
  onStandardAlert: (alert: StandardAlertPush) => void = () => {},
): string | null {
  const [scope, setScope] = useState<string | null>(null);
  const handlers = useRef({ onItem, onEscalation, onConnected, onStandardAlert });
  handlers.current = { onItem, onEscalation, onConnected, onStandardAlert };

  useEffect(
    () =>
      keepLiveSocket({
        onOpen: (task) => task.send({ data: JSON.stringify({ action: 'listenVoice' }) }),
        onDown: () => setScope(null),
        onFrame: (data) => {
          let frame: VoiceServerFrame;
          try {
            frame = JSON.parse(String(data)) as VoiceServerFrame;
          } catch {
            return;
          }
          if (frame.type === 'voice_listening') {
            setScope(frame.scopeName);
            handlers.current.onConnected();
          } else if (frame.type === 'voice_item') handlers.current.onItem(frame.item);
          else if (frame.type === 'voice_complaint_escalated') handlers.current.onEscalation(frame.complaint);
          else if (frame.type === 'voice_standard_alert') handlers.current.onStandardAlert(frame.alert);
        },
      }),
    [],
  );

  return scope;
}
