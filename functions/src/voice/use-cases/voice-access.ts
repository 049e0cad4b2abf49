import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { parentBranchPath } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { maskName } from '@zhixiang/shared/callback/view';
import type { BusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import { AppError } from '@zhixiang/shared/errors';
import type { ConversationStore } from '@zhixiang/shared/ports/assistant-conversations';
import type { LiveChatConnectionStore, LiveChatPusher } from '@zhixiang/shared/ports/live-chat';
import type {
  BranchRepository,
  CustomerRepository,
  UserAccountRepository,
} from '@zhixiang/shared/ports/repositories';
import type {
  RectificationStore,
  VoiceEscalationRecord,
  VoiceItemRecord,
  VoiceStore,
} from '@zhixiang/shared/ports/voice';
import { redactPersonalText } from '@zhixiang/shared/privacy/mask';
import { VOICE_SOURCES, type VoiceEscalation, type VoiceItemView } from '@zhixiang/shared/voice/schemas';
import {
  journeyLabel,
  tagVoice,
  themeLabel,
  UNTHEMED,
  type VoiceThemeDictionary,
  voiceWeekOf,
} from '@zhixiang/shared/voice/themes';

export interface VoiceDeps {
  repositories: {
    voice: VoiceStore;
    rectifications: RectificationStore;
    customers: Pick<CustomerRepository, 'get'>;
    users: Pick<UserAccountRepository, 'get'>;
    branches: Pick<BranchRepository, 'getCached'>;
    assistantConversations: Pick<ConversationStore, 'get' | 'listReviewItems'>;
    /** The WebSocket API's connections: new items are pushed to those listening (高管聆听). */
    liveChatConnections: LiveChatConnectionStore;
  };
  liveChatPusher: LiveChatPusher | null;
  logger: Pick<Logger, 'warn' | 'error'>;
  voiceThemes: VoiceThemeDictionary;
  /** Rectification due dates count business days. */
  businessCalendar: BusinessCalendar;
  now: () => number;
}

export const VOICE_ITEM_NOT_FOUND = '未找到该条客户之声';

/** One source, one item: the id is derived from the source's own key. */
export function voiceItemId(sourceKey: string): string {
  return `VO${createHash('sha256').update(sourceKey).digest('hex').slice(0, 20).toUpperCase()}`;
}

/** What a new voice item is made of: its source, the customer's words (redacted here), where it belongs. */
export type VoiceItemFacts = Pick<
  VoiceItemRecord,
  'sourceKey' | 'source' | 'customerId' | 'branchPath' | 'at' | 'complaintId'
> & {
  words: string;
  journey?: VoiceItemRecord['journey'] | undefined;
  angerScore?: number | undefined;
};

/**
 * A new voice item from its facts: the words redacted of personal numbers and e-mails, tagged by the
 * dictionary (with the journey given, else the themes' own), filed in its week, reported to its
 * own branch. The projection and the contexts that put an item in their own transaction (a rating)
 * build it here.
 */
export function newVoiceItem(themes: VoiceThemeDictionary, facts: VoiceItemFacts): VoiceItemRecord {
  const text = redactPersonalText(facts.words);
  return {
    itemId: voiceItemId(facts.sourceKey),
    sourceKey: facts.sourceKey,
    source: facts.source,
    text,
    customerId: facts.customerId,
    hideName: false,
    branchPath: facts.branchPath,
    ...tagVoice(themes, text, facts.journey),
    week: voiceWeekOf(Date.parse(facts.at)),
    at: facts.at,
    complaintId: facts.complaintId,
    ...(facts.angerScore !== undefined ? { angerScore: facts.angerScore } : {}),
    reportedToPath: facts.branchPath,
    escalations: [],
    version: 1,
  };
}

/** The reader's branch path; staff and executives without one read nothing (403). */
export function readerBranchPath(claims: AccessClaims): string {
  if (claims.role === 'admin') return '';
  if (!claims.branchPath) throw new AppError('FORBIDDEN', '您的账号未设置所属机构，无法查看客户之声');
  return claims.branchPath;
}

/** The week asked for, else the current one. */
export function weekOrCurrent(deps: Pick<VoiceDeps, 'now'>, week: string | undefined): string {
  return week ?? voiceWeekOf(deps.now());
}

export async function branchName(
  deps: { repositories: Pick<VoiceDeps['repositories'], 'branches'> },
  path: string,
): Promise<string> {
  const id = path.slice(path.lastIndexOf('/') + 1);
  return (await deps.repositories.branches.getCached(id))?.name ?? id;
}

export async function escalationViews(
  deps: Pick<VoiceDeps, 'repositories'>,
  escalations: readonly VoiceEscalationRecord[],
): Promise<VoiceEscalation[]> {
  return Promise.all(
    escalations.map(async (e) => ({
      fromPath: e.fromPath,
      fromName: await branchName(deps, e.fromPath),
      toPath: e.toPath,
      toName: await branchName(deps, e.toPath),
      byName: e.byName,
      note: e.note,
      at: e.at,
    })),
  );
}

/**
 * An item as staff and agents see it: the customer masked (张*), or 匿名客户 for an agent when the
 * customer hid their name from them; the text was redacted when the item was made.
 */
export async function toVoiceItemView(
  deps: Pick<VoiceDeps, 'repositories' | 'voiceThemes'>,
  item: VoiceItemRecord,
  reader: AccessClaims,
): Promise<VoiceItemView> {
  let customerLabel = '访客';
  if (item.customerId) {
    if (reader.role === 'agent' && item.hideName) customerLabel = '匿名客户';
    else {
      const customer = await deps.repositories.customers.get(item.customerId);
      customerLabel = customer ? maskName(customer.name) : '客户';
    }
  }
  return {
    itemId: item.itemId,
    source: item.source,
    sourceLabel: VOICE_SOURCES[item.source],
    text: item.text,
    customerLabel,
    journey: item.journey,
    journeyLabel: journeyLabel(deps.voiceThemes, item.journey),
    themes: item.themes.map((id) => ({ id, label: themeLabel(deps.voiceThemes, id) })),
    keywords: item.keywords,
    at: item.at,
    branchName: await branchName(deps, item.branchPath),
    reportedToName: await branchName(deps, item.reportedToPath),
    escalations: await escalationViews(deps, item.escalations),
    complaintId: item.complaintId,
    angerScore: item.angerScore ?? null,
  };
}

/** A week's items of a theme (or of none: 未归类) in a subtree; an unknown theme is refused (400). */
export async function clusterItems(
  deps: Pick<VoiceDeps, 'repositories' | 'voiceThemes'>,
  week: string,
  theme: string,
  branchPath: string,
): Promise<VoiceItemRecord[]> {
  if (theme !== UNTHEMED && !deps.voiceThemes.themes.some((t) => t.id === theme))
    throw new AppError('VALIDATION_FAILED', '没有这个主题，请从主题列表中选择', { field: 'theme' });
  return (await deps.repositories.voice.listWeek(week, branchPath)).filter((item) =>
    theme === UNTHEMED ? item.themes.length === 0 : item.themes.includes(theme),
  );
}

/** The signed-in person's display name, for the reporting trail. */
export async function actorName(
  deps: Pick<VoiceDeps, 'repositories'>,
  claims: AccessClaims,
): Promise<string> {
  return (await deps.repositories.users.get(claims.sub))?.displayName ?? '工作人员';
}

/**
 * Who may report up (逐级上报): a 中支 or 分公司 user (their branch has a level above it and is not a
 * 四级机构). Returns their branch and the level above.
 */
export async function reportingLevels(
  deps: Pick<VoiceDeps, 'repositories'>,
  claims: AccessClaims,
): Promise<{ fromPath: string; toPath: string }> {
  const fromPath = readerBranchPath(claims);
  const id = fromPath.slice(fromPath.lastIndexOf('/') + 1);
  const branch = fromPath ? await deps.repositories.branches.getCached(id) : null;
  const toPath = parentBranchPath(fromPath);
  if (!branch || !toPath) throw new AppError('FORBIDDEN', '总公司已是最高层级，无需再上报');
  if (branch.level === 'agency')
    throw new AppError('FORBIDDEN', '逐级上报由中支或分公司发起，四级机构请先报所属中支');
  return { fromPath, toPath };
}
