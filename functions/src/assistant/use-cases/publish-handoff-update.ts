import type { Logger } from '@aws-lambda-powertools/logger';
import type { LiveChatServerFrame } from '@zhixiang/shared/assistant/live-chat';
import type { HandoffMessageRecord, HandoffRecord } from '@zhixiang/shared/ports/handoffs';
import type { LiveChatConnectionStore, LiveChatPusher } from '@zhixiang/shared/ports/live-chat';
import type { AgentRepository, CustomerRepository } from '@zhixiang/shared/ports/repositories';
import {
  HANDOFF_STATUS_LABELS,
  type ListenedPeople,
  type ListenInServerFrame,
  listenedPeopleOf,
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
  /**
   * `throw`: for a sender with an outbox of its own (a standard's alert), a subscriber list not read
   * or a push that failed throws once every connection was tried, so the entry is retried.
   */
  failures: 'log' | 'throw' = 'log',
): Promise<number> {
  const pusher = deps.liveChatPusher;
  if (!pusher) return 0;
  const connections = deps.repositories.liveChatConnections;
  let subscribers: string[];
  try {
    subscribers = await connections.subscribers(handoffId);
  } catch (error) {
    if (failures === 'throw') throw error;
    deps.logger.warn('live chat: subscribers not read', { handoffId, error });
    return 0;
  }
  let delivered = 0;
  let failed: unknown = null;
  await Promise.all(
    subscribers.map(async (connectionId) => {
      try {
        if ((await pusher.push(connectionId, frame)) === 'gone') {
          await connections.unsubscribe(connectionId, handoffId);
          await onGone?.(connectionId);
        } else delivered++;
      } catch (error) {
        failed = error;
        deps.logger.warn('live chat: push failed', { handoffId, connectionId, error });
      }
    }),
  );
  if (failed !== null && failures === 'throw') throw failed;
  return delivered;
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
 * A new message, masked, to the executives listening in on the handoff (高管聆听): every personal
 * datum the shared masker finds, the customer's address and e-mail on file, and the customer's and
 * their agent's names as surname + *, whoever wrote it (`maskListenedText`). Only when someone
 * listens are the records read. Best effort, like every push: the listener's view replays the
 * messages after its last seq when it reconnects.
 */
export async function publishListenedMessage(
  deps: LiveChatDeps & {
    repositories: { customers: Pick<CustomerRepository, 'get'>; agents: Pick<AgentRepository, 'getCached'> };
  },
  handoff: Pick<HandoffRecord, 'handoffId' | 'customerId' | 'customerName' | 'claimedByName'>,
  message: HandoffMessageRecord,
): Promise<void> {
  if (!deps.liveChatPusher) return;
  const topic = listenInTopic(handoff.handoffId);
  let people: ListenedPeople;
  try {
    if ((await deps.repositories.liveChatConnections.subscribers(topic)).length === 0) return;
    people = await listenedPeopleOf(deps.repositories, handoff);
  } catch (error) {
    // Not pushed rather than pushed with less masked: the listener's replay brings it.
    deps.logger.warn('live chat: listened message not pushed', { handoffId: handoff.handoffId, error });
    return;
  }
  await publishHandoffUpdate(deps, topic, {
    type: 'voice_handoff_message',
    handoffId: handoff.handoffId,
    message: {
      seq: message.seq,
      from: message.from,
      fromLabel: message.from === 'customer' ? '客户' : (handoff.claimedByName ?? '客服'),
      text: maskListenedText(message.text, people.names, people),
      at: new Date(message.at).toISOString(),
    },
  });
}
