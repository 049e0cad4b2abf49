import * as z from 'zod/mini';
import { isoDaySchema } from '../format/input';
import { NOTICE_CHANNELS } from '../letters/model';
import { DEBIT_REFERENCE_PATTERN, DEBIT_STATUSES } from '../payments/repayment-debit';
import { NOTICE_TYPES } from './due-notices';
import { MAX_LEAD_DAYS, MIN_LEAD_DAYS } from './preferences';

/** The renewal notices (续期通知) API contract: preferences, debit results, the delivery funnel. */

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'));

/** A preference as the customer sets it (the request's fields, and the view's). */
const noticePreferenceFields = {
  /** `all` or a policy number. */
  scope: z.string().check(z.regex(/^(all|[0-9A-Za-z]{6,32})$/, '适用范围应为 all 或保单号')),
  leadDays: z
    .number()
    .check(
      z.int('提前天数应为整数'),
      z.gte(MIN_LEAD_DAYS, `提前天数应为 ${MIN_LEAD_DAYS}–${MAX_LEAD_DAYS} 天`),
      z.lte(MAX_LEAD_DAYS, `提前天数应为 ${MIN_LEAD_DAYS}–${MAX_LEAD_DAYS} 天`),
    ),
  channels: z.array(z.enum(NOTICE_CHANNELS, '不支持的通知渠道')).check(
    z.minLength(1, '请至少选择一个通知渠道'),
    z.maxLength(3),
    z.refine((list) => new Set(list).size === list.length, '通知渠道不能重复'),
  ),
  quietHours: z.strictObject({ start: hhmm, end: hhmm }),
  successNotice: z.boolean('请选择是否接收扣款成功通知'),
};
export const NoticePreferenceInputSchema = z.strictObject(noticePreferenceFields);
export type NoticePreferenceInput = z.infer<typeof NoticePreferenceInputSchema>;

export const NoticePreferenceSchema = z.extend(z.object(noticePreferenceFields), {
  /** True when nothing was saved and the default applies. */
  isDefault: z.boolean(),
  updatedAt: z.nullable(z.string()),
});
export const NoticePreferencesResponseSchema = z.object({
  preferences: z.array(NoticePreferenceSchema),
  /** The subscribe-message templates the page asks for in one tap (pre-debit + debit success). */
  subscribeTemplateIds: z.array(z.string()),
  /** Remaining WeChat subscribe-message credits per template for the customer's WeChat account. */
  wechatCredits: z.record(z.string(), z.number()),
});
export type NoticePreferencesResponse = z.infer<typeof NoticePreferencesResponseSchema>;

/**
 * The billing system's debit result (signed with HMAC, like the IVR): a renewal premium's debit
 * (续期扣费: `policyNo` + `dueDate`), or a loan repayment's debit instruction (续期账户扣款还款:
 * `reference`, the instruction's `RD…` number; `policyNo` optional and checked when given).
 */
export const DebitResultRequestSchema = z
  .strictObject({
    /** The billing system's id of this result; a result is applied once. */
    resultId: z.string('扣款结果编号应为文字').check(z.regex(/^[\w-]{6,64}$/, '扣款结果编号格式不正确')),
    /** A repayment's debit instruction (absent for a renewal premium's debit). */
    reference: z.optional(
      z.string('扣款指令号应为文字').check(z.regex(DEBIT_REFERENCE_PATTERN, '扣款指令号格式不正确')),
    ),
    policyNo: z.optional(
      z.string('保单号应为文字').check(z.regex(/^[0-9A-Za-z]{6,32}$/, '保单号格式不正确')),
    ),
    /** The premium's due date (a renewal premium's debit only). */
    dueDate: z.optional(isoDaySchema('应缴日期')),
    amountCents: z
      .number('扣款金额应为以分为单位的整数')
      .check(z.int('扣款金额应为以分为单位的整数'), z.gt(0, '扣款金额应大于 0')),
    outcome: z.enum(['success', 'failure'], '扣款结果应为 success 或 failure'),
    /** The bank's reason when the debit failed (e.g. 余额不足). */
    failureReason: z.optional(
      z
        .string('失败原因应为文字')
        .check(z.minLength(1, '请说明扣款失败的原因'), z.maxLength(60, '失败原因不能超过 60 个字')),
    ),
  })
  .check(
    z.refine((r) => r.reference !== undefined || (r.policyNo !== undefined && r.dueDate !== undefined), {
      message: '续期扣费结果须有保单号和应缴日期，还款扣款结果须有扣款指令号',
      path: ['reference'],
    }),
    z.refine((r) => r.reference === undefined || r.dueDate === undefined, {
      message: '还款扣款结果不带应缴日期',
      path: ['dueDate'],
    }),
    z.refine((r) => r.reference === undefined || r.outcome === 'success' || r.failureReason !== undefined, {
      message: '扣款失败时须说明原因',
      path: ['failureReason'],
    }),
  );
export type DebitResultRequest = z.infer<typeof DebitResultRequestSchema>;
/** A renewal premium's debit result (the schema's first shape). */
export type RenewalDebitResult = DebitResultRequest & { policyNo: string; dueDate: string };
/** A repayment debit instruction's result (the schema's second shape). */
export type RepaymentDebitResult = DebitResultRequest & { reference: string };

export const RenewalDebitResponseSchema = z.object({
  policyNo: z.string(),
  status: z.string(),
  nextDueDate: z.nullable(z.string()),
  letterId: z.nullable(z.string()),
  notice: z.enum([
    'sent',
    'failed',
    'unreachable',
    'deferred',
    'retrying',
    'not_requested',
    'already_applied',
  ]),
});
/** A repayment debit's answer: the instruction's status, and whether this result changed it. */
export const RepaymentDebitResponseSchema = z.object({
  reference: z.string(),
  status: z.enum(DEBIT_STATUSES),
  applied: z.boolean(),
});
export const DebitResultResponseSchema = z.union([RenewalDebitResponseSchema, RepaymentDebitResponseSchema]);

export const FunnelRowSchema = z.object({
  day: z.string(),
  noticeType: z.enum(NOTICE_TYPES),
  channel: z.string(),
  eligible: z.number(),
  reachable: z.number(),
  accepted: z.number(),
  delivered: z.number(),
  opened: z.number(),
  failed: z.number(),
});
export type FunnelRow = z.infer<typeof FunnelRowSchema>;
export const NoticeFunnelResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(FunnelRowSchema),
});
export type NoticeFunnelResponse = z.infer<typeof NoticeFunnelResponseSchema>;

/** The sandbox consent dialog of the H5 build (local stage only) reports what was tapped. */
export const SandboxSubscribeRequestSchema = z.strictObject({
  results: z.record(z.string().check(z.maxLength(64)), z.enum(['accept', 'reject'])),
});
export const SandboxSubscribeResponseSchema = z.object({ accepted: z.array(z.string()) });

/** Headers of a signed debit result (the IVR's scheme; defined with the billing system's API). */
export { BILLING_HEADERS } from '../payments/billing-api';
