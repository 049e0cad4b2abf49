import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { VoiceItemRecord, VoiceStore } from '@zhixiang/shared/ports/voice';
import type {
  EscalatedComplaintPush,
  StandardAlertPush,
  VoiceServerFrame,
} from '@zhixiang/shared/voice/schemas';
import { type LiveChatDeps, publishHandoffUpdate } from '../../assistant/use-cases/publish-handoff-update';
import { branchName, toVoiceItemView, type VoiceDeps } from './voice-access';

/** The WebSocket API's connections and pusher (null where the stage has none: the page reloads). */
export type VoiceLiveDeps = Omit<LiveChatDeps, 'logger'>;

/** The topic a branch's listeners subscribe to; '' (every branch) for admins. */
const topicOf = (branchPath: string) => `voice:${branchPath}`;

/** Every topic an item at `branchPath` reaches: its branch, each level above it, and admins'. */
function topicsFor(branchPath: string): string[] {
  const parts = branchPath.split('/');
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))].map(topicOf);
}

/**
 * `listenVoice` over the WebSocket API (高管聆听): a connection of an executive or staff member listens
 * to their subtree's voice items as they arrive; admins to every branch. Customers and agents are
 * refused. The connection's claims are those verified at `$connect`. The session goes into the
 * listening log (who, which branch, from when; closed at `$disconnect`).
 */
export async function listenToVoice(
  deps: Pick<VoiceDeps, 'repositories' | 'now'> & VoiceLiveDeps,
  connectionId: string,
): Promise<void> {
  const connection = await deps.repositories.liveChatConnections.get(connectionId);
  if (!connection) throw new AppError('UNAUTHENTICATED', '连接已失效，请重新连接');
  if (!['staff', 'executive', 'admin'].includes(connection.role))
    throw new AppError('FORBIDDEN', '仅员工和高管可聆听客户之声');
  const scope = connection.role === 'admin' ? '' : connection.branchPath;
  if (scope === null) throw new AppError('FORBIDDEN', '您的账号未设置所属机构，无法聆听客户之声');
  await deps.repositories.liveChatConnections.subscribe(connectionId, topicOf(scope));
  // The listening log: the session stays open until the socket's `$disconnect`.
  await deps.repositories.voice.startListening({
    connectionId,
    userId: connection.userId,
    userName: (await deps.repositories.users.get(connection.userId))?.displayName ?? connection.userId,
    role: connection.role,
    scopePath: scope,
    startedAt: new Date(deps.now()).toISOString(),
    endedAt: null,
  });
  await deps.liveChatPusher?.push(connectionId, {
    type: 'voice_listening',
    scopeName: scope ? await branchName(deps, scope) : '全部机构',
  });
}

/** The reader every pushed view is made for: staff and executives see the same masked item. */
const LISTENER: AccessClaims = { sub: 'listener', role: 'executive' };

/**
 * Pushes a new item to every connection listening to its branch or a level above. Best effort: the
 * item is stored already and the page's list has it on its next load. A connection found gone
 * (its socket died without a `$disconnect`) ends its listening session now.
 */
export async function announceVoiceItem(
  deps: Pick<VoiceDeps, 'repositories' | 'voiceThemes' | 'now'> & LiveChatDeps,
  item: VoiceItemRecord,
): Promise<void> {
  if (!deps.liveChatPusher) return;
  const frame = { type: 'voice_item' as const, item: await toVoiceItemView(deps, item, LISTENER) };
  const ended = (connectionId: string) =>
    deps.repositories.voice.endListening(connectionId, new Date(deps.now()).toISOString());
  await Promise.all(
    topicsFor(item.branchPath).map((topic) => publishHandoffUpdate(deps, topic, frame, ended)),
  );
}

/**
 * Pushes a complaint the escalation job just moved up the ladder to the connections listening to
 * the branch it reached (and the levels above it): the executives see it arrive live. Best effort,
 * like the items: the escalation is stored already and shows in the complaint queue.
 */
export async function announceComplaintEscalation(
  deps: { repositories: Pick<VoiceDeps['repositories'], 'branches'> } & LiveChatDeps,
  escalation: Omit<EscalatedComplaintPush, 'fromName' | 'toName'> & { fromPath: string; toPath: string },
): Promise<void> {
  if (!deps.liveChatPusher) return;
  const { fromPath, toPath, ...rest } = escalation;
  const frame = {
    type: 'voice_complaint_escalated' as const,
    complaint: {
      ...rest,
      fromName: await branchName(deps, fromPath),
      toName: await branchName(deps, toPath),
    },
  };
  await Promise.all(topicsFor(toPath).map((topic) => publishHandoffUpdate(deps, topic, frame)));
}

/**
 * Pushes a service-standard alert to the connections listening to the branch it went to and every
 * level above (the staff and executives who find it in `GET /standards/alerts`). Unlike the items,
 * a failure throws: the alert's push outbox entry retries it (`standards/use-cases/push-alerts.ts`).
 * Returns the connections it reached.
 */
export async function announceStandardAlert(
  deps: { repositories: { voice: Pick<VoiceStore, 'endListening'> } } & LiveChatDeps & Pick<VoiceDeps, 'now'>,
  alert: StandardAlertPush,
  toPath: string,
): Promise<number> {
  if (!deps.liveChatPusher) return 0;
  const ended = (connectionId: string) =>
    deps.repositories.voice.endListening(connectionId, new Date(deps.now()).toISOString());
  const frame: VoiceServerFrame = { type: 'voice_standard_alert', alert };
  const reached = await Promise.all(
    topicsFor(toPath).map((topic) => publishHandoffUpdate(deps, topic, frame, ended, 'throw')),
  );
  return reached.reduce((n, r) => n + r, 0);
}
