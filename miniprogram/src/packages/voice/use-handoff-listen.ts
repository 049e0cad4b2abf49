import type {
  ListenedHandoffView,
  ListenedMessage,
  ListenInServerFrame,
} from '@zhixiang/shared/voice/listen-in';
import { useEffect, useRef, useState } from 'react';
import { keepLiveSocket } from '../../lib/live-socket';
import { MessageSequence } from '../../lib/message-sequence';

export interface HandoffListenState {
  /** The chat as first read (header and the conversation with the assistant); null until read. */
  handoff: ListenedHandoffView | null;
  /** Every message so far, in order, each once (masked by the server). */
  messages: ListenedMessage[];
  /** Listening live over the socket (false: no socket on this stage, or reconnecting every 3 s). */
  live: boolean;
  /** The server refused (another branch's chat, or not an executive): its Chinese message. */
  refused: string | null;
}

/**
 * 人工客服旁听: the live chat's WebSocket, listening in on one handoff (`listenHandoff`), read-only.
 * The first frame is the chat with the messages after the last one seen; each new message is
 * pushed masked; a reconnect resumes after the last seq, so nothing is lost or doubled. Leaving
 * the view sends `leaveHandoff` (the listening log's session ends) and closes the socket.
 * `initial` is the chat as read over HTTP, shown while the socket connects.
 */
export function useHandoffListen(handoffId: string, initial: ListenedHandoffView | null): HandoffListenState {
  const [state, setState] = useState<HandoffListenState>({
    handoff: initial,
    messages: initial?.messages ?? [],
    live: false,
    refused: null,
  });
  const sequence = useRef(new MessageSequence<ListenedMessage>());
  const accept = (messages: readonly ListenedMessage[]) => {
    const ready = sequence.current.accept(messages);
    if (ready.length > 0) setState((s) => ({ ...s, messages: [...s.messages, ...ready] }));
  };
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  // The chat read over HTTP, whenever it arrives: merged by seq with what the socket brought.
  useEffect(() => {
    if (!initial) return;
    setState((s) => ({ ...s, handoff: s.handoff ?? initial }));
    acceptRef.current(initial.messages);
  }, [initial]);

  // One listen-in per chat opened: a second HTTP read does not reconnect (one session in the log).
  useEffect(() => {
    sequence.current = new MessageSequence<ListenedMessage>();
    setState({ handoff: null, messages: [], live: false, refused: null });
    const accept = (messages: readonly ListenedMessage[]) => acceptRef.current(messages);
    const stop = keepLiveSocket({
      onOpen: (task) =>
        task.send({
          data: JSON.stringify({ action: 'listenHandoff', handoffId, after: sequence.current.lastSeq }),
        }),
      onDown: () => setState((s) => ({ ...s, live: false })),
      lastFrame: () => JSON.stringify({ action: 'leaveHandoff', handoffId }),
      onFrame: (data) => {
        let frame: ListenInServerFrame | { type: 'error'; message: string };
        try {
          frame = JSON.parse(String(data)) as typeof frame;
        } catch {
          return;
        }
        if (frame.type === 'voice_handoff') {
          setState((s) => ({ ...s, handoff: frame.handoff, live: true, refused: null }));
          accept(frame.handoff.messages);
        } else if (frame.type === 'voice_handoff_message' && frame.handoffId === handoffId)
          accept([frame.message]);
        else if (frame.type === 'voice_handoff_status' && frame.handoffId === handoffId)
          setState((s) =>
            s.handoff
              ? {
                  ...s,
                  handoff: {
                    ...s.handoff,
                    status: frame.status,
                    statusLabel: frame.statusLabel,
                    claimedByName: frame.claimedByName,
                  },
                }
              : s,
          );
        else if (frame.type === 'error') {
          // Refused (another branch's chat, or not an executive): no point in trying again.
          stop();
          setState((s) => ({ ...s, live: false, refused: frame.message }));
        }
      },
    });
    return stop;
  }, [handoffId]);

  return state;
}
