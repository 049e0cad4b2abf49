import type { Logger } from '@aws-lambda-powertools/logger';
import type { LiveChatServerFrame } from '@zhixiang/shared/assistant/live-chat';
import type { HandoffMessageRecord, HandoffRecord } from '@zhixiang/shared/ports/handoffs';
import type { LiveChatConnectionStore, LiveChatPusher } from '@zhixiang/shared/ports/live-chat';
import {
  HANDOFF_STATUS_LABELS,
  type ListenInServerFrame,
  listenInTopic,
  maskListenedText,
} from '@zhixiang/shared/voice/listen-in';

export interface LiveChatDeps {
  repositories: { liveChatConnections: LiveChatConnectionStore };
  /** Null where no WebSocket API exists (clients poll there). */
  liveChatPusher: LiveChatPusher | null;
  logger: Pick<Logger, 'warn'>;
}

/**
 * Pushes a handoff's new message or status to every connection subscribed to it (the customer's and
 * the staff member's devices); the customer-voice stream pushes its items the same way to the
 * connections listening to a branch (`voice:<branch path>`). Best effort by design: the message is already stored with its seq,
 * and a client that misses a push gets it on its next subscribe (`after` its last seq), so a failed
 * push never fails the request that stored the message. A closed socket loses its subscription,
 * and `onGone` lets the subscriber's own record of it end too (the voice listening log's session).
 */
export async function publishHandoffUpdate(
  deps: LiveChatDeps,
  handoffId: string,
  frame: LiveChatServerFrame | ListenInServerFrame | { type: `voice_${string}` },
  onGone?: (connectionId: string) => Promise<void>,
): Promise<void> {
  const pusher = deps.liveChatPusher;
  if (!pusher) return;
  const connections = deps.repositories.liveChatConnections;
  let subscribers: string[];
  try {
    subscribers = await connections.subscribers(handoffId);
  } catch (error) {
    deps.logger.warn('live chat: subscribers not read', { handoffId, error });
    return;
  }
  await Promise.all(
    subscribers.map(async (connectionId) => {
      try {
        if ((await pusher.push(connectionId, frame)) === 'gone') {
          await connections.unsubscribe(connectionId, handoffId);
          await onGone?.(connectionId);
        }
      } catch (error) {
        deps.logger.warn('live chat: push failed', { handoffId, connectionId, error });
      }
    }),
  );
}

/** Tells every subscriber of a handoff, and the executives listening in, its new status (claimed, closed, withdrawn). */
export async function publishHandoffStatus(
  deps: LiveChatDeps,
  handoff: Pick<HandoffRecord, 'handoffId' | 'status' | 'claimedByName'>,
): Promise<void> {
  await Promise.all([
    publishHandoffUpdate(deps, handoff.handoffId, {
      type: 'status',
      handoffId: handoff.handoffId,
      status: handoff.status,
      claimedByName: handoff.claimedByName,
    }),
    publishHandoffUpdate(deps, listenInTopic(handoff.handoffId), {
      type: 'voice_handoff_status',
      handoffId: handoff.handoffId,
      status: handoff.status,
      statusLabel: HANDOFF_STATUS_LABELS[handoff.status],
      claimedByName: handoff.claimedByName,
    }),
  ]);
}

/**
 * A new message, masked, to the executives listening in on the handoff (高管聆听): ID and phone
 * numbers redacted and the customer's name as surname + *, whoever wrote it. Best effort, like
 * every push: the listener's view replays the messages after its last seq when it reconnects.
 */
export function publishListenedMessage(
  deps: LiveChatDeps,
  handoff: Pick<HandoffRecord, 'handoffId' | 'customerName' | 'claimedByName'>,
  message: HandoffMessageRecord,
): Promise<void> {
  return publishHandoffUpdate(deps, listenInTopic(handoff.handoffId), {
    type: 'voice_handoff_message',
    handoffId: handoff.handoffId,
    message: {
      seq: message.seq,
      from: message.from,
      fromLabel: message.from === 'customer' ? '客户' : (handoff.claimedByName ?? '客服'),
      text: maskListenedText(message.text, [handoff.customerName]),
      at: new Date(message.at).toISOString(),
    },
  });
}
