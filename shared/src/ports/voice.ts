import type { StoredAttachment } from '../uploads/attachments';
import type { RectificationLine, RectificationStatus } from '../voice/rectification';
import type { VoiceSource } from '../voice/schemas';
import type { Journey } from '../voice/themes';

/** One step of bottom-up reporting, as stored. */
export interface VoiceEscalationRecord {
  fromPath: string;
  toPath: string;
  byUserId: string;
  byName: string;
  note: string;
  at: string;
}

/** One item of the customer-voice stream (客户之声). Instants are ISO strings. */
export interface VoiceItemRecord {
  /** `VO` + 20 hex digits, derived from `sourceKey`: one source, one item. */
  itemId: string;
  /**
   * The source's own identity (`complaint:TS…`, `assistant:<conversation>:<seq>:<reason>`,
   * `rant:<uuid>`, `event-rating:…`, `callback-problem:<policy>:<recorded at>`).
   */
  sourceKey: string;
  source: VoiceSource;
  /** The customer's words, redacted of ID and phone numbers before they are stored. */
  text: string;
  customerId: string | null;
  /** The customer asked that their agent not see their name. */
  hideName: boolean;
  /** The customer's (or the complaint policy's) branch; the head office for a visitor. */
  branchPath: string;
  journey: Journey;
  themes: string[];
  keywords: string[];
  /** The Monday (Shanghai) of `at`: items are listed and clustered by week. */
  week: string;
  at: string;
  complaintId: string | null;
  /** An angry chat turn's anger score (shared/src/assistant/anger.ts); absent for other sources. */
  angerScore?: number;
  /** The level it is reported to: its branch, or above after escalations. */
  reportedToPath: string;
  escalations: VoiceEscalationRecord[];
  version: number;
}

/** The reporting of a week's theme cluster of one branch's subtree to the level above. */
export interface VoiceClusterEscalationRecord extends VoiceEscalationRecord {
  week: string;
  theme: string;
  /** Items of the cluster in the reporter's subtree when reported. */
  itemCount: number;
}

/**
 * A complaint's entry in the voice feed's outbox, written in the complaint's own transaction when
 * it is received: pending until the projection has put its voice item.
 */
export interface VoiceFeedEntry {
  complaintId: string;
  customerId: string;
  category: string;
  description: string;
  branchPath: string;
  receivedAt: string;
  attempts: number;
}

/**
 * One listening session (高管聆听) for the listening log, the regulator's evidence: who listened to
 * which branch's voice — or in on which live handoff chat —, from when to when (`endedAt` null
 * while the connection is open and, for a handoff, until they leave it).
 */
export interface VoiceListeningRecord {
  connectionId: string;
  /** Set when listening in on a handoff chat (人工客服旁听); `scopePath` is then its branch. */
  handoffId?: string | null;
  userId: string;
  userName: string;
  role: string;
  scopePath: string;
  startedAt: string;
  endedAt: string | null;
}

export interface VoiceStore {
  /** Puts a new item; false when its source was already projected (nothing is written). */
  putItem(item: VoiceItemRecord): Promise<boolean>;
  getItem(itemId: string): Promise<VoiceItemRecord | null>;
  /** Writes the item on the condition that it is still at `version - 1`; false when it is not. */
  saveItem(item: VoiceItemRecord): Promise<boolean>;
  /** A week's items whose branch lies in the subtree of `branchPath` ('' for all), newest first. */
  listWeek(week: string, branchPath: string): Promise<VoiceItemRecord[]>;
  /** A customer's items, newest first. */
  listByCustomer(customerId: string): Promise<VoiceItemRecord[]>;
  /** Creates the cluster's report from `fromPath`; false when that level already reported it. */
  putClusterEscalation(record: VoiceClusterEscalationRecord): Promise<boolean>;
  listClusterEscalations(week: string): Promise<VoiceClusterEscalationRecord[]>;
  listPendingFeed(limit: number): Promise<VoiceFeedEntry[]>;
  /** Takes the entry off the pending index; false when another consumer took it first. */
  markFeedDone(complaintId: string): Promise<boolean>;
  recordFeedFailure(complaintId: string, reason: string): Promise<void>;
  /** The ids of items another context put whose push to the listening executives is still due, oldest first. */
  listPendingAnnouncements(limit: number): Promise<string[]>;
  /** Takes an item's announcement off the pending index; false when another run took it first. */
  claimAnnouncement(itemId: string): Promise<boolean>;
  startListening(session: VoiceListeningRecord): Promise<void>;
  /**
   * Closes the connection's open sessions (only those listening in on `handoffId` when given),
   * each once; nothing when it never listened.
   */
  endListening(connectionId: string, endedAt: string, handoffId?: string): Promise<void>;
  /** The sessions started on a Shanghai day, in order. */
  listListening(day: string): Promise<VoiceListeningRecord[]>;
}

/** One step of a rectification task's audit trail. */
export interface RectificationTrailRecord {
  type: 'opened' | 'note' | 'escalated' | 'closed';
  byUserId: string;
  byName: string;
  at: string;
  text: string;
}

/** A rectification task (整改): see `shared/src/voice/rectification.ts`. */
export interface RectificationRecord {
  /** `RT` + the Shanghai date it was opened + 6 hex digits. */
  rectificationId: string;
  line: RectificationLine;
  title: string;
  ownerName: string;
  /** The last Shanghai day it may be closed on. */
  dueDate: string;
  /** The opener's branch: the task is seen by that subtree's managers and the levels above. */
  branchPath: string;
  /** The level that answers for it: the opener's branch, one up once overdue. */
  handlingBranchPath: string;
  status: RectificationStatus;
  from: { kind: 'item'; itemId: string } | { kind: 'cluster'; week: string; theme: string };
  /** The voice items it answers. */
  itemIds: string[];
  openedAt: string;
  openedByName: string;
  trail: RectificationTrailRecord[];
  escalated: boolean;
  closedAt: string | null;
  evidence: string | null;
  /** The closure's evidence files, checked before the closure was written (absent: none). */
  evidenceFiles?: StoredAttachment[];
  version: number;
}

export interface RectificationStore {
  /** Creates the task; false when its id is taken. */
  create(task: RectificationRecord): Promise<boolean>;
  get(rectificationId: string): Promise<RectificationRecord | null>;
  /** Writes the task on the condition that it is still at `version - 1`; false when it is not. */
  save(task: RectificationRecord): Promise<boolean>;
  /** The tasks opened in the subtree of `branchPath` ('' for all), newest first. */
  listInSubtree(branchPath: string): Promise<RectificationRecord[]>;
  /** The open tasks whose last day is before `date` (Shanghai), oldest due first. */
  listOverdue(date: string): Promise<RectificationRecord[]>;
}
