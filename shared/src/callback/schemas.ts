import * as z from 'zod/mini';
import { isoDaySchema } from '../format/input';
import { parseSlotId } from './window';

/** The callback (回访) API contract: booking by the customer, the schedule and outcomes by staff. */

/** The slot id an online self-callback is recorded under: it takes no seat. */
export const ONLINE_SLOT_ID = 'ONLINE';

export const BOOKING_STATUSES = ['booked', 'cancelled', 'completed', 'unreachable', 'problem'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  completed: '回访完成',
  unreachable: '未接通',
  problem: '问题件',
};

/** The seven points of the new-policy callback (人身保险业务基本服务规定 Art. 15). */
export const CALLBACK_POINTS = [
  'identity',
  'personalSignature',
  'understoodBrochure',
  'coverageAndExclusions',
  'surrenderLoss',
  'coolingOffRights',
  'paymentPeriod',
] as const;
export type CallbackPoint = (typeof CALLBACK_POINTS)[number];
export const CALLBACK_POINT_LABELS: Record<CallbackPoint, string> = {
  identity: '确认为投保人本人',
  personalSignature: '投保单、健康告知由本人亲笔签名',
  understoodBrochure: '已阅读并理解产品说明书',
  coverageAndExclusions: '了解保险责任及责任免除',
  surrenderLoss: '了解退保可能产生的损失',
  coolingOffRights: '了解犹豫期及犹豫期内退保的权利',
  paymentPeriod: '了解缴费期间、频率及金额',
};

const isoDate = isoDaySchema();
const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):(00|30)$/, '时间应为整点或半点，格式 HH:mm'));
export const slotId = z
  .string()
  .check(z.refine((value) => parseSlotId(value) !== null, '时段编号格式不正确'));

export const SlotPathSchema = z.object({ slotId });
export const BookingDateQuerySchema = z.object({ date: isoDate });

export const BookCallbackRequestSchema = z.strictObject({ slotId });
export type BookCallbackRequest = z.infer<typeof BookCallbackRequestSchema>;

export const RescheduleCallbackRequestSchema = z.strictObject({
  slotId,
  /** The booking version the customer saw: two moves of the same booking cannot both win. */
  version: z.number().check(z.int(), z.minimum(1)),
});
export type RescheduleCallbackRequest = z.infer<typeof RescheduleCallbackRequestSchema>;

export const CallbackBookingSchema = z.object({
  policyNo: z.string(),
  slotId: z.string(),
  date: isoDate,
  start: z.string(),
  end: z.string(),
  status: z.enum(BOOKING_STATUSES),
  rescheduleCount: z.number(),
  reschedulesLeft: z.number(),
  version: z.number(),
});
export type CallbackBooking = z.infer<typeof CallbackBookingSchema>;

export const OfferedSlotSchema = z.object({
  slotId: z.string(),
  date: isoDate,
  start: z.string(),
  end: z.string(),
  seatsLeft: z.number(),
});

export const CallbackSlotsResponseSchema = z.object({
  policyNo: z.string(),
  coolingOffEndDate: isoDate,
  booking: z.nullable(CallbackBookingSchema),
  slots: z.array(OfferedSlotSchema),
  /** True when no slot is left before the deadline: the page offers the online callback instead. */
  suggestOnlineCallback: z.boolean(),
});
export type CallbackSlotsResponse = z.infer<typeof CallbackSlotsResponseSchema>;

export const MyCallbackResponseSchema = z.object({ booking: z.nullable(CallbackBookingSchema) });

const dayHours = z.nullable(
  z
    .strictObject({ open: clock, close: clock })
    .check(z.refine((h) => h.open < h.close, '结束时间须晚于开始时间')),
);

export const CreateCallbackSlotsRequestSchema = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    /** Monday to Friday. */
    weekdays: dayHours,
    /** Saturday and Sunday (the call centre works weekends too). */
    weekends: dayHours,
    seats: z.number().check(z.int(), z.minimum(1, '席位数至少为 1'), z.maximum(200)),
  })
  .check(
    z.refine((r) => r.from <= r.to, '结束日期不能早于开始日期'),
    z.refine(
      (r) => Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`) <= 62 * 86_400_000,
      '一次最多排 62 天',
    ),
  );
export type CreateCallbackSlotsRequest = z.infer<typeof CreateCallbackSlotsRequestSchema>;

export const CreateCallbackSlotsResponseSchema = z.object({ created: z.number(), existing: z.number() });

export const UpdateCallbackSlotRequestSchema = z
  .strictObject({
    seats: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(200))),
    open: z.optional(z.boolean()),
  })
  .check(z.refine((r) => r.seats !== undefined || r.open !== undefined, '请填写席位数或开关状态'));
export type UpdateCallbackSlotRequest = z.infer<typeof UpdateCallbackSlotRequestSchema>;

export const CallbackSlotSchema = z.object({
  slotId: z.string(),
  date: isoDate,
  start: z.string(),
  end: z.string(),
  seats: z.number(),
  booked: z.number(),
  open: z.boolean(),
});
export type CallbackSlot = z.infer<typeof CallbackSlotSchema>;

export const StaffBookingSchema = z.object({
  policyNo: z.string(),
  status: z.enum(BOOKING_STATUSES),
  customerNameMasked: z.string(),
  phoneMasked: z.string(),
  productName: z.string(),
  rescheduleCount: z.number(),
});

export const CallbackDayResponseSchema = z.object({
  date: isoDate,
  slots: z.array(z.extend(CallbackSlotSchema, { bookings: z.array(StaffBookingSchema) })),
  /** Online self-callbacks answered that day (problem cases among them need follow-up). */
  online: z.array(StaffBookingSchema),
});
export type CallbackDayResponse = z.infer<typeof CallbackDayResponseSchema>;

export const CALLBACK_OUTCOMES = ['completed', 'unreachable', 'problem'] as const;

/**
 * A problem case's category: the customer disputes the sale (says they were misled, never asked
 * for it, or were told something else). The call centre ticks it; a complaint is opened for it.
 */
export const DISPUTES_SALE_LABEL = '客户对销售过程有异议';
export const DISPUTES_SALE_ONLY_PROBLEM = '仅问题件可标记“客户对销售过程有异议”';

export const RecordCallbackOutcomeRequestSchema = z
  .strictObject({
    outcome: z.enum(CALLBACK_OUTCOMES),
    /** Completed: every one of the seven points confirmed. */
    points: z.optional(
      z.strictObject(
        /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ CALLBACK_POINTS.map((p) => [p, z.boolean()])),
      ),
    ),
    note: z.optional(z.string().check(z.maxLength(500))),
    /** A problem case where the customer disputes the sale: a complaint (销售误导) is opened for it. */
    disputesSale: z.optional(z.boolean('“客户对销售过程有异议”应为 true 或 false')),
  })
  .check(
    z.refine(
      (r) =>
        r.outcome !== 'completed' ||
        (r.points !== undefined && CALLBACK_POINTS.every((p) => r.points?.[p] === true)),
      '回访完成须逐项确认七个要点',
    ),
    z.refine((r) => r.outcome !== 'problem' || Boolean(r.note?.trim()), '问题件请填写问题说明'),
    z.refine((r) => r.disputesSale !== true || r.outcome === 'problem', DISPUTES_SALE_ONLY_PROBLEM),
  );
export type RecordCallbackOutcomeRequest = z.infer<typeof RecordCallbackOutcomeRequestSchema>;

/** A problem case (问题件) awaiting follow-up by the policy's branch, customer masked. */
export const CallbackFollowUpSchema = z.object({
  policyNo: z.string(),
  customerNameMasked: z.string(),
  phoneMasked: z.string(),
  productName: z.string(),
  /** Where the customer said no: on the phone with the call centre, or in the online self-callback. */
  source: z.enum(['call', 'online']),
  note: z.string(),
  /** The customer disputes the sale: a complaint (销售误导) was opened for it. */
  disputesSale: z.boolean(),
  raisedAt: z.number(),
  status: z.enum(['open', 'resolved']),
  resolutionNote: z.nullable(z.string()),
});
export type CallbackFollowUp = z.infer<typeof CallbackFollowUpSchema>;
export const CallbackFollowUpListResponseSchema = z.object({ followUps: z.array(CallbackFollowUpSchema) });

export const ResolveFollowUpRequestSchema = z.strictObject({
  note: z.string().check(z.trim(), z.minLength(1, '请填写处理结果'), z.maxLength(500, '处理结果最多 500 字')),
});
export type ResolveFollowUpRequest = z.infer<typeof ResolveFollowUpRequestSchema>;

/** Online self-callback (自助回访): the holder answers the seven points after proving identity. */
export const SendOnlineCallbackCodeResponseSchema = z.object({
  sentTo: z.string(),
  expiresInSeconds: z.number(),
});

/**
 * Identity first, one of two ways: the SMS code to the phone on record, or — without a code — a face
 * verification (or another identity method) passed for `onlineCallbackPurpose(policyNo)` in the
 * last 10 minutes.
 */
export const SubmitOnlineCallbackRequestSchema = z.strictObject({
  code: z.optional(z.string().check(z.regex(/^\d{6}$/, '请输入 6 位短信验证码'))),
  answers: z.strictObject(
    /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ CALLBACK_POINTS.map((p) => [p, z.boolean()])),
  ),
});

/** The identity-verification purpose of a policy's online self-callback. */
export function onlineCallbackPurpose(policyNo: string): string {
  return `callback:${policyNo}`;
}
export type SubmitOnlineCallbackRequest = z.infer<typeof SubmitOnlineCallbackRequestSchema>;

/** What a customer reads when the booking could not be written. */
export const SLOT_FULL_MESSAGE = '该时段已约满';
export const SLOT_UNAVAILABLE_MESSAGE = '该时段不可预约，请选择其他时段';
export const ALREADY_BOOKED_MESSAGE = '该保单已有回访预约，如需更改请改约';
export const BOOKING_CHANGED_MESSAGE = '预约已被修改，请刷新后重试';
export const BUSY_MESSAGE = '当前预约人数较多，请稍后重试';
