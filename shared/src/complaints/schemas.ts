import * as z from 'zod/mini';
import { AttachmentSchema, uploadIdsSchema } from '../uploads/attachments';
import { COMPLAINT_CATEGORY_KEYS } from './classification';

/**
 * The complaints context's HTTP shapes. A complaint's reference number (投诉编号) is its id:
 * `TS` + the Shanghai date of receipt + 6 digits, e.g. `TS20260302123456`.
 */
export const PREFERRED_CONTACT_TIMES = {
  any: '任何时间',
  morning: '上午（9:00–12:00）',
  afternoon: '下午（13:00–18:00）',
  evening: '晚上（18:00–21:00）',
} as const;
export type PreferredContactTime = keyof typeof PREFERRED_CONTACT_TIMES;
const PREFERRED_KEYS = /* @__PURE__ */ Object.keys(PREFERRED_CONTACT_TIMES) as [
  PreferredContactTime,
  ...PreferredContactTime[],
];

export const COMPLAINT_STATUSES = ['received', 'claimed', 'contacted', 'responded', 'decided'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已受理',
  claimed: '处理中',
  contacted: '已联系',
  responded: '已答复',
  decided: '已办结',
};

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 1000;
/** A decided complaint may be re-opened by its complainant for this many days after the decision. */
export const REOPEN_WINDOW_DAYS = 30;
/** Photos a complaint may carry (what happened: a letter, a screenshot), each JPEG, PNG or HEIC. */
export const MAX_COMPLAINT_PHOTOS = 6;
export const MAX_COMPLAINT_PHOTO_BYTES = 5 * 1024 * 1024;

/** What happened, in the complainant's words. */
/* @__NO_SIDE_EFFECTS__ */
const complaintText = (missing: string, tooShort: string) =>
  z
    .string(missing)
    .check(
      z.trim(),
      z.minLength(DESCRIPTION_MIN, `${tooShort}（至少 ${DESCRIPTION_MIN} 个字）`),
      z.maxLength(DESCRIPTION_MAX, `投诉内容请控制在 ${DESCRIPTION_MAX} 字以内`),
    );

/**
 * Where a complaint came in: the customer in the mini program, their agent for them, or a seat of
 * the call centre for a caller (prefilled when the phone system identified the caller).
 */
export const COMPLAINT_CHANNELS = {
  mini_program: '客户本人（小程序）',
  assistant: '客户本人（智能客服对话中）',
  agent: '代理人代为登记',
  phone: '电话（坐席代为登记）',
  callback: '新单回访（客户对销售过程有异议）',
} as const;
export type ComplaintChannel = keyof typeof COMPLAINT_CHANNELS;

const complaintFields = {
  category: z.enum(COMPLAINT_CATEGORY_KEYS, '请选择投诉类别'),
  description: complaintText('请填写投诉内容', '请详细描述发生了什么'),
  policyNo: z
    .string('请选择相关保单')
    .check(z.regex(/^[0-9A-Za-z]{6,32}$/, '保单号格式不正确，应为 6–32 位数字或字母')),
  preferredContactTime: z.enum(PREFERRED_KEYS, '请选择方便联系的时间'),
  /**
   * The complaint is about the policy's own agent: that agent may not read or handle it (回避).
   */
  aboutAgent: z.optional(z.boolean('“是否涉及代理人”应为 true 或 false')),
  /** Uploads of the filer's own (`POST /complaints/photo-uploads`), attached in this order. */
  photos: uploadIdsSchema('照片', MAX_COMPLAINT_PHOTOS),
};

export const FileComplaintRequestSchema = z.extend(z.strictObject(complaintFields), {
  /** Filed from the assistant: the conversation goes with it (its owner only). */
  conversationId: z.optional(
    z.string('对话编号应为文字').check(z.regex(/^[0-9a-f-]{36}$/, '对话编号格式不正确')),
  ),
});
export type FileComplaintRequest = z.infer<typeof FileComplaintRequestSchema>;

/**
 * An agent files for one of their customers, or a seat for a caller. The seat may pass the call the
 * phone system identified (its screen-pop), and name a colleague the complaint is about, who may
 * then not claim it (回避).
 */
export const FileComplaintForCustomerRequestSchema = z.extend(z.strictObject(complaintFields), {
  callId: z.optional(z.string('来电编号应为文字').check(z.regex(/^[0-9a-f-]{36}$/, '来电编号格式不正确'))),
  namedStaffUserId: z.optional(
    z
      .string('被投诉员工的账号应为文字')
      .check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, '被投诉员工的账号格式不正确')),
  ),
});
export type FileComplaintForCustomerRequest = z.infer<typeof FileComplaintForCustomerRequestSchema>;

export const ComplaintPathSchema = z.object({
  complaintId: z.string().check(z.regex(/^TS\d{14}$/, '投诉编号格式不正确')),
});

/** A short text staff type (a note, a reason): trimmed, 2 characters at least. */
/* @__NO_SIDE_EFFECTS__ */
function staffText(what: string, max: number) {
  return z
    .string(`请填写${what}`)
    .check(
      z.trim(),
      z.minLength(2, `请填写${what}（至少 2 个字）`),
      z.maxLength(max, `${what}请控制在 ${max} 字以内`),
    );
}

export const COMPLAINT_STEPS = ['contacted', 'responded', 'decided'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];
export const RecordComplaintStepRequestSchema = z.strictObject({
  step: z.enum(COMPLAINT_STEPS, '处理步骤应为 contacted、responded 或 decided'),
  note: staffText('处理说明', 1000),
});
export type RecordComplaintStepRequest = z.infer<typeof RecordComplaintStepRequestSchema>;

/** The complainant rates the handling once the complaint is decided: 1–5, and a word if they like. */
export const RateComplaintRequestSchema = z.strictObject({
  score: z.int('请选择 1–5 分').check(z.minimum(1, '请选择 1–5 分'), z.maximum(5, '请选择 1–5 分')),
  comment: z.optional(
    z.string('评价内容应为文字').check(z.trim(), z.maxLength(200, '评价请控制在 200 字以内')),
  ),
});
export type RateComplaintRequest = z.infer<typeof RateComplaintRequestSchema>;

/** The complainant re-opens a decided complaint within the window, saying what is still wrong. */
export const ReopenComplaintRequestSchema = z.strictObject({
  reason: complaintText('请说明仍有异议的地方', '请说明仍有异议的地方'),
});
export type ReopenComplaintRequest = z.infer<typeof ReopenComplaintRequestSchema>;

const TimelineEntrySchema = z.object({
  step: z.enum(['received', 'contacted', 'responded', 'decided']),
  label: z.string(),
  at: z.nullable(z.string()),
});

const ClockSchema = z.object({
  clock: z.enum(['internal_contact', 'external_response', 'statutory_decision']),
  label: z.string(),
  state: z.enum(['not_applicable', 'running', 'paused', 'warning', 'breached', 'met', 'calendar_missing']),
  dueAt: z.nullable(z.string()),
  stoppedAt: z.nullable(z.string()),
});

export const ComplaintSummarySchema = z.object({
  complaintId: z.string(),
  channel: z.enum(
    /* @__PURE__ */ Object.keys(COMPLAINT_CHANNELS) as [ComplaintChannel, ...ComplaintChannel[]],
  ),
  channelLabel: z.string(),
  category: z.enum(COMPLAINT_CATEGORY_KEYS),
  categoryLabel: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  statusLabel: z.string(),
  policyNo: z.string(),
  receivedAt: z.string(),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummarySchema>;

export const ComplaintDetailSchema = z.extend(ComplaintSummarySchema, {
  description: z.string(),
  preferredContactTime: z.enum(PREFERRED_KEYS),
  preferredContactTimeLabel: z.string(),
  timeline: z.array(TimelineEntrySchema),
  /** The latest extension of the statutory period, told to the complainant too. */
  extension: z.nullable(z.object({ limitDays: z.int(), at: z.string(), reason: z.string() })),
  /** The complainant's rating once given. */
  rating: z.nullable(z.object({ score: z.int(), comment: z.nullable(z.string()), at: z.string() })),
  /** The decided complaint this one re-opens, and the one that re-opened this. */
  reopenOf: z.nullable(z.string()),
  reopenedAs: z.nullable(z.string()),
  /** Until when (ISO) the complainant may re-open it: decided, not yet re-opened, inside the window. */
  reopenableUntil: z.nullable(z.string()),
  /** The photos filed with it (their links: `GET /complaints/{id}/photos`). */
  photos: z.array(AttachmentSchema),
  /** Once decided: the 投诉处理决定书 in 我的信函 — being issued, or issued with its letter id. */
  decisionLetter: z.nullable(
    z.object({ status: z.enum(['pending', 'issued']), letterId: z.nullable(z.string()) }),
  ),
  /** Staff and agents only: severity, reasons, clocks, who handles it. */
  handling: z.nullable(
    z.object({
      severity: z.enum(['urgent', 'ordinary']),
      severityLabel: z.string(),
      reasons: z.array(z.string()),
      customerNameMasked: z.string(),
      customerPhoneMasked: z.string(),
      branchPath: z.string(),
      handlingBranchPath: z.string(),
      claimedByName: z.nullable(z.string()),
      /** Who the complaint is about (they may not handle it), e.g. 「代理人 王建国」. */
      namedPersons: z.array(z.string()),
      /** Filed from the assistant: what the customer said there (ID and phone numbers masked). */
      conversation: z.array(z.object({ at: z.string(), text: z.string() })),
      clocks: z.array(ClockSchema),
      events: z.array(
        z.object({ type: z.string(), at: z.string(), actorName: z.string(), note: z.nullable(z.string()) }),
      ),
    }),
  ),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetailSchema>;

export const ComplaintListResponseSchema = z.object({ complaints: z.array(ComplaintSummarySchema) });

export const ComplaintQueueItemSchema = z.extend(ComplaintSummarySchema, {
  severity: z.enum(['urgent', 'ordinary']),
  severityLabel: z.string(),
  customerNameMasked: z.string(),
  handlingBranchPath: z.string(),
  claimedByName: z.nullable(z.string()),
  /** The most pressing clock: breached first, then warning, then the earliest due. */
  nextDue: z.nullable(ClockSchema),
});
export type ComplaintQueueItem = z.infer<typeof ComplaintQueueItemSchema>;
export const ComplaintQueueResponseSchema = z.object({ complaints: z.array(ComplaintQueueItemSchema) });

const reason = staffText('原因', 500);

/** Staff reclassify a complaint (category and/or severity) with a reason; the change is audited. */
export const ReclassifyComplaintRequestSchema = z.strictObject({
  category: z.enum(COMPLAINT_CATEGORY_KEYS, '请选择投诉类别'),
  severity: z.enum(['urgent', 'ordinary'], '等级应为 urgent 或 ordinary'),
  reason,
});
export type ReclassifyComplaintRequest = z.infer<typeof ReclassifyComplaintRequestSchema>;

/**
 * Extending the statutory decision period: to 30 days for a complex case (the handler), to 60 for
 * an especially complex one (approved by staff of a superior level; the complainant is told).
 */
export const ExtendComplaintRequestSchema = z.strictObject({
  limitDays: z.union([z.literal(30), z.literal(60)], '延长后的处理时限应为 30 或 60 日'),
  reason,
});
export type ExtendComplaintRequest = z.infer<typeof ExtendComplaintRequestSchema>;

/**
 * The handler marks that the complaint waits for the customer (materials, a call back at their
 * time) and that the customer answered: only the external response clock pauses in between.
 */
export const RecordCustomerWaitRequestSchema = z.strictObject({
  waiting: z.boolean('waiting 应为 true（等待客户）或 false（客户已回复）'),
  note: staffText('说明', 500),
});
export type RecordCustomerWaitRequest = z.infer<typeof RecordCustomerWaitRequestSchema>;

/**
 * An executive joins a complaint of their subtree (督办): a comment, a request for an update from its
 * handler, or assigning it to a staff member of the handling subtree (`assigneeUserId`).
 */
export const JOIN_ACTIONS = ['comment', 'request_update', 'assign'] as const;
export type JoinAction = (typeof JOIN_ACTIONS)[number];
export const JoinComplaintRequestSchema = z.strictObject({
  action: z.enum(JOIN_ACTIONS, '督办方式应为 comment、request_update 或 assign'),
  note: staffText('督办意见', 500),
  assigneeUserId: z.optional(
    z.string('指派对象的账号应为文字').check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, '指派对象的账号格式不正确')),
  ),
});
export type JoinComplaintRequest = z.infer<typeof JoinComplaintRequestSchema>;
