import * as z from 'zod/mini';
import { AttachmentSchema, uploadIdsSchema } from '../uploads/attachments';
import { isVoiceWeek } from './themes';

/**
 * Rectification (整改): a task opened from a voice item or a week's theme cluster, for one
 * responsible line, with an owner, a due date in business days, progress notes and a closure with
 * evidence. It answers the items it links; overdue, it climbs the escalation ladder once.
 */
export const RECTIFICATION_LINES = {
  operations: '营运',
  finance: '财务',
  sales: '销售',
  service: '客服',
  product: '产品',
  other: '其他',
} as const;
export type RectificationLine = keyof typeof RECTIFICATION_LINES;
const LINE_KEYS = /* @__PURE__ */ Object.keys(RECTIFICATION_LINES) as [
  RectificationLine,
  ...RectificationLine[],
];

export const RECTIFICATION_STATUS_LABELS = { open: '整改中', closed: '已关闭' } as const;
export type RectificationStatus = keyof typeof RECTIFICATION_STATUS_LABELS;

/** The longest due period a task may be given, in business days. */
export const RECTIFICATION_MAX_BUSINESS_DAYS = 60;
/** Files a closure may carry as evidence (photos, a PDF), each PDF, JPEG or PNG. */
export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;

/* @__NO_SIDE_EFFECTS__ */
const longestTerm = () => `整改期限最长 ${RECTIFICATION_MAX_BUSINESS_DAYS} 个工作日`;
/* @__NO_SIDE_EFFECTS__ */
const text = (what: string, min: number, max: number) =>
  z
    .string(`请填写${what}`)
    .check(
      z.trim(),
      z.minLength(min, `请填写${what}（至少 ${min} 个字）`),
      z.maxLength(max, `${what}请控制在 ${max} 字以内`),
    );

export const RectificationIdSchema = z
  .string('整改任务编号应为文字')
  .check(z.regex(/^RT\d{8}[0-9A-F]{6}$/, '整改任务编号格式不正确'));
export const RectificationPathSchema = z.object({ rectificationId: RectificationIdSchema });

export const OpenRectificationRequestSchema = z.strictObject({
  line: z.enum(LINE_KEYS, '请选择责任条线（营运、财务、销售、客服、产品或其他）'),
  title: text('整改事项', 2, 60),
  ownerName: text('负责人', 2, 20),
  dueBusinessDays: z
    .int('整改期限应为整数个工作日')
    .check(
      z.minimum(1, '整改期限至少 1 个工作日'),
      z.maximum(RECTIFICATION_MAX_BUSINESS_DAYS, longestTerm()),
    ),
  /** What it answers: one voice item, or a week's theme cluster of the opener's subtree. */
  from: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('item'),
        itemId: z.string('客户之声编号应为文字').check(z.regex(/^VO[0-9A-F]{20}$/, '客户之声编号格式不正确')),
      }),
      z.strictObject({
        kind: z.literal('cluster'),
        week: z
          .string('周次应为日期')
          .check(z.refine(isVoiceWeek, '周次应为该周周一的日期，格式 YYYY-MM-DD')),
        theme: z.string('请选择主题').check(z.regex(/^[a-z]+(?:_[a-z]+)*$/, '主题编号格式不正确')),
      }),
    ],
    '请说明整改针对的客户之声或主题',
  ),
});
export type OpenRectificationRequest = z.infer<typeof OpenRectificationRequestSchema>;

export const RectificationNoteRequestSchema = z.strictObject({ note: text('进展说明', 2, 500) });
export const CloseRectificationRequestSchema = z.strictObject({
  evidence: text('整改结果与佐证', 10, 1000),
  /** Uploads of the closer's own (`…/evidence-uploads`), attached in this order. */
  files: uploadIdsSchema('佐证材料', MAX_EVIDENCE_FILES),
});
export type CloseRectificationRequest = z.infer<typeof CloseRectificationRequestSchema>;

export const RectificationsQuerySchema = z.object({
  status: z.optional(z.enum(['open', 'closed'], 'status 只能为 open 或 closed')),
});

export const RectificationViewSchema = z.object({
  rectificationId: z.string(),
  line: z.enum(LINE_KEYS),
  lineLabel: z.string(),
  title: z.string(),
  ownerName: z.string(),
  status: z.enum(['open', 'closed']),
  statusLabel: z.string(),
  /** The last day (Shanghai) it may be closed on; overdue from the day after. */
  dueDate: z.string(),
  overdue: z.boolean(),
  openedAt: z.string(),
  openedByName: z.string(),
  branchName: z.string(),
  /** The level that answers for it now: its branch, or above once it went overdue. */
  handlingName: z.string(),
  /** 「来自主题「理赔时效」（2026-11-30 周）」 or 「来自单条客户之声」. */
  fromLabel: z.string(),
  itemIds: z.array(z.string()),
  /** The audit trail: opened, notes, escalation, closure — in order. */
  trail: z.array(
    z.object({
      type: z.enum(['opened', 'note', 'escalated', 'closed']),
      label: z.string(),
      byName: z.string(),
      at: z.string(),
      text: z.string(),
    }),
  ),
  closedAt: z.nullable(z.string()),
  evidence: z.nullable(z.string()),
  /** The closure's evidence files (their links: `…/evidence`). */
  evidenceFiles: z.array(AttachmentSchema),
});
export type RectificationView = z.infer<typeof RectificationViewSchema>;

export const RectificationsResponseSchema = z.object({ rectifications: z.array(RectificationViewSchema) });
export type RectificationsResponse = z.infer<typeof RectificationsResponseSchema>;

/** The last day (Shanghai date) has ended at `nowDate` when the task is still open: it is overdue. */
export function isRectificationOverdue(
  task: { status: RectificationStatus; dueDate: string },
  nowDate: string,
): boolean {
  return task.status === 'open' && nowDate > task.dueDate;
}
