import * as z from 'zod/mini';
import { isVoiceWeek, JOURNEY_KEYS } from './themes';

/** Where a voice item came from. */
export const VOICE_SOURCES = {
  complaint: '投诉',
  assistant_thumbs_down: '智能客服·点踩',
  assistant_unanswered: '智能客服·未答上',
  assistant_angry: '智能客服·客户不满',
  callback_problem: '新单回访·问题件',
  rant: '我要吐槽',
  event_rating: '俱乐部活动评价',
  /** Journey ratings (服务评价) that join the stream: low ones and any with words (`shared/src/ratings/rules.ts`). */
  endorsement_rating: '保全变更评价',
  callback_rating: '新单回访评价',
  handoff_rating: '人工客服评价',
  complaint_rating: '投诉办结评价',
} as const;
export type VoiceSource = keyof typeof VOICE_SOURCES;
export const VOICE_SOURCE_KEYS = Object.keys(VOICE_SOURCES) as [VoiceSource, ...VoiceSource[]];

export const RANT_MIN = 5;
export const RANT_MAX = 500;

/** 「我要吐槽」: what the customer wants to say, the journey it is about, and whether to stay anonymous to their agent. */
// Messages naming a constant are built by functions marked pure, so that a bundle without the
// schema drops it (esbuild keeps a template literal's interpolation as a possible side effect).
/* @__NO_SIDE_EFFECTS__ */
const rantTooShort = () => `请多写几句（至少 ${RANT_MIN} 个字）`;
/* @__NO_SIDE_EFFECTS__ */
const rantTooLong = () => `吐槽内容请控制在 ${RANT_MAX} 字以内`;
export const SubmitRantRequestSchema = z.strictObject({
  text: z
    .string('请写下您想吐槽的内容')
    .check(z.trim(), z.minLength(RANT_MIN, rantTooShort()), z.maxLength(RANT_MAX, rantTooLong())),
  journey: z.optional(z.enum(JOURNEY_KEYS, '请选择吐槽涉及的业务环节')),
  hideName: z.boolean('“对代理人隐藏姓名”应为 true 或 false'),
});
export type SubmitRantRequest = z.infer<typeof SubmitRantRequestSchema>;

export const SubmitRantResponseSchema = z.object({
  itemId: z.string(),
  themes: z.array(z.string()),
  hideName: z.boolean(),
});
export type SubmitRantResponse = z.infer<typeof SubmitRantResponseSchema>;

const week = z.string('周次应为日期').check(z.refine(isVoiceWeek, '周次应为该周周一的日期，格式 YYYY-MM-DD'));
const themeId = z.string('请选择主题').check(z.regex(/^[a-z]+(?:_[a-z]+)*$/, '主题编号格式不正确'));

export const VoiceItemsQuerySchema = z.object({
  week: z.optional(week),
  theme: z.optional(themeId),
  /** `mine`: only the items reported to the reader's own level. */
  reported: z.optional(z.enum(['mine'], 'reported 只能为 mine')),
});
export type VoiceItemsQuery = z.infer<typeof VoiceItemsQuerySchema>;

export const VoiceClustersQuerySchema = z.object({ week: z.optional(week) });

export const VoiceItemPathSchema = z.object({
  itemId: z.string('客户之声编号应为文字').check(z.regex(/^VO[0-9A-F]{20}$/, '客户之声编号格式不正确')),
});

const note = z
  .string('请填写上报说明')
  .check(
    z.trim(),
    z.minLength(2, '请填写上报说明（至少 2 个字）'),
    z.maxLength(500, '上报说明请控制在 500 字以内'),
  );

export const EscalateVoiceItemRequestSchema = z.strictObject({ note });
export type EscalateVoiceItemRequest = z.infer<typeof EscalateVoiceItemRequestSchema>;

export const EscalateVoiceClusterRequestSchema = z.strictObject({ week, theme: themeId, note });
export type EscalateVoiceClusterRequest = z.infer<typeof EscalateVoiceClusterRequestSchema>;

/** One step of bottom-up reporting (逐级上报): who reported what to which level, when, and why. */
export const VoiceEscalationSchema = z.object({
  fromPath: z.string(),
  fromName: z.string(),
  toPath: z.string(),
  toName: z.string(),
  byName: z.string(),
  note: z.string(),
  at: z.string(),
});
export type VoiceEscalation = z.infer<typeof VoiceEscalationSchema>;

export const VoiceItemViewSchema = z.object({
  itemId: z.string(),
  source: z.enum(VOICE_SOURCE_KEYS),
  sourceLabel: z.string(),
  /** The customer's words, ID and phone numbers redacted. */
  text: z.string(),
  /** The customer masked (张*), 匿名客户 when they hid their name from their agent and the reader is one, 访客 when not signed in. */
  customerLabel: z.string(),
  journey: z.enum(JOURNEY_KEYS),
  journeyLabel: z.string(),
  themes: z.array(z.object({ id: z.string(), label: z.string() })),
  keywords: z.array(z.string()),
  at: z.string(),
  branchName: z.string(),
  /** The level it is reported to now (its own branch until someone escalates it). */
  reportedToName: z.string(),
  escalations: z.array(VoiceEscalationSchema),
  /** Set for a complaint: its reference number. */
  complaintId: z.nullable(z.string()),
  /** Set for an angry chat turn: its anger score (2 or more is angry). */
  angerScore: z.nullable(z.int()),
});
export type VoiceItemView = z.infer<typeof VoiceItemViewSchema>;

export const VoiceItemsResponseSchema = z.object({
  week: z.string(),
  items: z.array(VoiceItemViewSchema),
});
export type VoiceItemsResponse = z.infer<typeof VoiceItemsResponseSchema>;

export const VoiceClusterSchema = z.object({
  theme: z.string(),
  label: z.string(),
  count: z.int(),
  previousCount: z.int(),
  trend: z.enum(['new', 'up', 'down', 'flat']),
  escalations: z.array(VoiceEscalationSchema),
});
export type VoiceCluster = z.infer<typeof VoiceClusterSchema>;

export const VoiceClustersResponseSchema = z.object({
  week: z.string(),
  /** Most items first. */
  clusters: z.array(VoiceClusterSchema),
});
export type VoiceClustersResponse = z.infer<typeof VoiceClustersResponseSchema>;

/** Over the WebSocket API: listen to the reader's subtree's voice items as they arrive (高管聆听). */
export const ListenVoiceFrameSchema = z.object({ action: z.literal('listenVoice') });

/** A complaint that just escalated to the listener's level or below, as pushed (no personal data). */
export interface EscalatedComplaintPush {
  complaintId: string;
  categoryLabel: string;
  severityLabel: string;
  fromName: string;
  toName: string;
  /** The breached clocks, e.g. 内部联系（2小时）. */
  clockLabels: string[];
  at: string;
}

/**
 * A service-standard alert (临近超时预警 / 超时升级) that just went to the listener's level or below, as
 * pushed: no case id (it may carry a policy number), the policy number masked.
 */
export interface StandardAlertPush {
  /** The alert's opaque key: the same alert pushed again (a retry) has the same key. */
  alertKey: string;
  standardId: string;
  standardName: string;
  journeyLabel: string;
  level: number;
  /** 临近超时预警, 超时升级, 超时 n 倍时限，再次升级. */
  levelLabel: string;
  /** The case's branch and the branch the alert went to, by name. */
  branchName: string;
  escalatedToName: string;
  policyNo: string | null;
  startAt: string;
  raisedAt: string;
}

/** What the server pushes to a listening connection. */
export type VoiceServerFrame =
  | { type: 'voice_listening'; scopeName: string }
  | { type: 'voice_item'; item: VoiceItemView }
  | { type: 'voice_complaint_escalated'; complaint: EscalatedComplaintPush }
  | { type: 'voice_standard_alert'; alert: StandardAlertPush };

export const VoiceListeningQuerySchema = z.object({
  day: z.optional(z.string('日期应为文字').check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'))),
});

/**
 * The listening log (高管聆听的记录): who listened to which branch's voice, or in on which live
 * handoff chat (then `scopeName` is the handoff's branch), when and how long.
 */
export const VoiceListeningLogSchema = z.object({
  day: z.string(),
  sessions: z.array(
    z.object({
      userName: z.string(),
      roleLabel: z.string(),
      scopeName: z.string(),
      /** Set for a listen-in on a handoff chat (人工客服旁听). */
      handoffId: z.nullable(z.string()),
      startedAt: z.string(),
      endedAt: z.nullable(z.string()),
      /** Seconds listened; up to now while the session is open. */
      seconds: z.int(),
    }),
  ),
});
export type VoiceListeningLog = z.infer<typeof VoiceListeningLogSchema>;
