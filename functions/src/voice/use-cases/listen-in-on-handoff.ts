import { INTENT_NAMES } from '@zhixiang/shared/assistant/intents';
import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { maskName } from '@zhixiang/shared/callback/view';
import { AppError } from '@zhixiang/shared/errors';
import type { ConversationStore } from '@zhixiang/shared/ports/assistant-conversations';
import type { HandoffMessageRecord, HandoffRecord, HandoffStore } from '@zhixiang/shared/ports/handoffs';
import type { AgentRepository, CustomerRepository } from '@zhixiang/shared/ports/repositories';
import {
  HANDOFF_STATUS_LABELS,
  type LeaveHandoffFrame,
  type ListenedHandoff,
  type ListenedHandoffsResponse,
  type ListenedHandoffView,
  type ListenedMessage,
  type ListenedPeople,
  type ListenHandoffFrame,
  listenedPeopleOf,
  listenInTopic,
  maskListenedText,
} from '@zhixiang/shared/voice/listen-in';
import type { VoiceLiveDeps } from './listen-to-voice';
import { branchName, readerBranchPath, type VoiceDeps } from './voice-access';

export const LISTENED_HANDOFF_NOT_FOUND = '未找到该人工服务对话';
const LISTENERS_ONLY = '仅高管可旁听人工客服对话';

export interface ListenInDeps {
  repositories: Pick<VoiceDeps['repositories'], 'voice' | 'users' | 'branches' | 'liveChatConnections'> & {
    handoffs: Pick<HandoffStore, 'get' | 'listOpen' | 'listMessages'>;
    assistantConversations: Pick<ConversationStore, 'listTurns'>;
    /** The customer's and their agent's records: what the chat may mention of them is masked. */
    customers: Pick<CustomerRepository, 'get'>;
    agents: Pick<AgentRepository, 'getCached'>;
  };
  now: () => number;
}

/** Executives listen in (and admins, on every branch); anyone else is refused. */
function listenerScope(claims: AccessClaims): string {
  if (claims.role !== 'executive' && claims.role !== 'admin') throw new AppError('FORBIDDEN', LISTENERS_ONLY);
  return readerBranchPath(claims);
}

/** The handoff if it is live or ended in the listener's subtree; otherwise the 404 of one that does not exist. */
async function visibleHandoff(deps: ListenInDeps, scope: string, handoffId: string): Promise<HandoffRecord> {
  const handoff = await deps.repositories.handoffs.get(handoffId);
  if (!handoff || (scope && !isInBranchSubtree(handoff.branchPath, scope)))
    throw new AppError('NOT_FOUND', LISTENED_HANDOFF_NOT_FOUND, {
      logMessage: `handoff ${handoffId} missing or outside ${scope || 'every branch'}`,
    });
  return handoff;
}

async function summaryOf(deps: ListenInDeps, handoff: HandoffRecord): Promise<ListenedHandoff> {
  return {
    handoffId: handoff.handoffId,
    customerLabel: maskName(handoff.customerName),
    status: handoff.status,
    statusLabel: HANDOFF_STATUS_LABELS[handoff.status],
    intentName: handoff.intent ? INTENT_NAMES[handoff.intent] : null,
    branchName: await branchName(deps, handoff.branchPath),
    createdAt: new Date(handoff.createdAt).toISOString(),
    claimedByName: handoff.claimedByName,
  };
}

/** A message as the listener reads it: masked whoever wrote it (shared/src/voice/listen-in.ts). */
function listenedMessage(
  handoff: HandoffRecord,
  people: ListenedPeople,
  message: HandoffMessageRecord,
): ListenedMessage {
  return {
    seq: message.seq,
    from: message.from,
    fromLabel: message.from === 'customer' ? '客户' : (handoff.claimedByName ?? '客服'),
    text: maskListenedText(message.text, people.names, people),
    at: new Date(message.at).toISOString(),
  };
}

async function viewOf(
  deps: ListenInDeps,
  handoff: HandoffRecord,
  after: number,
): Promise<ListenedHandoffView> {
  const [summary, turns, messages, people] = await Promise.all([
    summaryOf(deps, handoff),
    after === 0 ? deps.repositories.assistantConversations.listTurns(handoff.handoffId) : [],
    deps.repositories.handoffs.listMessages(handoff.handoffId, after),
    listenedPeopleOf(deps.repositories, handoff),
  ]);
  return {
    ...summary,
    transcript: turns.map((t) => ({ seq: t.seq, text: maskListenedText(t.text, people.names, people) })),
    messages: messages.map((m) => listenedMessage(handoff, people, m)),
  };
}

/** 高管聆听 · 人工客服旁听: the live handoffs (queued and being served) of the executive's subtree, oldest first. */
export async function listVoiceHandoffs(
  deps: ListenInDeps,
  claims: AccessClaims,
): Promise<ListenedHandoffsResponse> {
  const scope = listenerScope(claims);
  const open = await deps.repositories.handoffs.listOpen(scope);
  return { handoffs: await Promise.all(open.map((h) => summaryOf(deps, h))) };
}

/** One handoff chat of the executive's subtree, read-only and masked (404 outside it). */
export async function getVoiceHandoff(
  deps: ListenInDeps,
  claims: AccessClaims,
  handoffId: string,
): Promise<ListenedHandoffView> {
  return viewOf(deps, await visibleHandoff(deps, listenerScope(claims), handoffId), 0);
}

/** The claims a live-chat connection was opened with. */
async function connectionClaims(deps: ListenInDeps, connectionId: string) {
  const connection = await deps.repositories.liveChatConnections.get(connectionId);
  if (!connection) throw new AppError('UNAUTHENTICATED', '连接已失效，请重新连接');
  return connection;
}

/**
 * `listenHandoff` over the WebSocket API: an executive's connection listens in on a handoff chat of
 * their subtree (404 outside it, 403 for anyone but executives and admins). Subscribed first, then
 * the messages after `after` are replayed, so a message stored in between arrives by push, replay
 * or both (the page merges by seq). The listen-in goes into the listening log — who, which
 * handoff, from when — until `leaveHandoff` or the socket's `$disconnect` closes it. The
 * executive can send nothing: no route takes a message from them.
 */
export async function listenInOnHandoff(
  deps: ListenInDeps & VoiceLiveDeps,
  connectionId: string,
  frame: ListenHandoffFrame,
): Promise<void> {
  const connection = await connectionClaims(deps, connectionId);
  const scope = listenerScope({
    sub: connection.userId,
    role: connection.role,
    ...(connection.branchPath ? { branchPath: connection.branchPath } : {}),
  });
  const handoff = await visibleHandoff(deps, scope, frame.handoffId);
  await deps.repositories.liveChatConnections.subscribe(connectionId, listenInTopic(handoff.handoffId));
  await deps.repositories.voice.startListening({
    connectionId,
    handoffId: handoff.handoffId,
    userId: connection.userId,
    userName: (await deps.repositories.users.get(connection.userId))?.displayName ?? connection.userId,
    role: connection.role,
    scopePath: handoff.branchPath,
    startedAt: new Date(deps.now()).toISOString(),
    endedAt: null,
  });
  await deps.liveChatPusher?.push(connectionId, {
    type: 'voice_handoff',
    handoff: await viewOf(deps, handoff, frame.after),
  });
}

/** `leaveHandoff`: the connection stops listening in, and its listening-log session ends (once). */
export async function leaveHandoff(
  deps: ListenInDeps & VoiceLiveDeps,
  connectionId: string,
  frame: LeaveHandoffFrame,
): Promise<void> {
  await connectionClaims(deps, connectionId);
  await deps.repositories.liveChatConnections.unsubscribe(connectionId, listenInTopic(frame.handoffId));
  await deps.repositories.voice.endListening(
    connectionId,
    new Date(deps.now()).toISOString(),
    frame.handoffId,
  );
  await deps.liveChatPusher?.push(connectionId, { type: 'voice_handoff_left', handoffId: frame.handoffId });
}
