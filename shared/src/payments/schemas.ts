import * as z from 'zod/mini';
import { PAYOUT_OUTCOMES, PAYOUT_REFERENCE_PATTERN, PAYOUT_STATUSES } from './payout';
import { DEBIT_OUTCOMES, DEBIT_REFERENCE_PATTERN, DEBIT_STATUSES } from './repayment-debit';
import { PAYMENT_STATUSES } from './state-machine';

/** Our order number: `RP` + the Shanghai date + 12 letters and digits (WeChat Pay allows 6–32). */
export const OUT_TRADE_NO_PATTERN = /^RP\d{8}[A-Z0-9]{12}$/;

export const PaymentNumberPathSchema = z.object({
  outTradeNo: z.string().check(z.regex(OUT_TRADE_NO_PATTERN, '支付单号格式不正确')),
});

export const SandboxPaymentRequestSchema = z.strictObject({
  outcome: z.enum(['paid', 'failed'], '请选择支付成功或支付失败'),
});
export type SandboxPaymentRequest = z.infer<typeof SandboxPaymentRequestSchema>;

/** What `wx.requestPayment` takes, signed by the server (signType RSA). */
export const RequestPaymentSchema = z.object({
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});

export const PaymentOrderViewSchema = z.object({
  outTradeNo: z.string(),
  applicationId: z.string(),
  /** Integer cents, exactly what WeChat Pay charges. */
  amountCents: z.int(),
  status: z.enum(PAYMENT_STATUSES),
  statusLabel: z.string(),
  /** ISO 8601: after this the order closes unpaid and a new one can be made. */
  expiresAt: z.string(),
  paidAt: z.nullable(z.string()),
  /** The parameters of `wx.requestPayment` while the order is open; null otherwise. */
  requestPayment: z.nullable(RequestPaymentSchema),
  /** The local stage pays in the WeChat Pay sandbox page instead of WeChat. */
  sandbox: z.boolean(),
});
export type PaymentOrderView = z.infer<typeof PaymentOrderViewSchema>;

// ---------- repayment by renewal-account debit (续期账户扣款) ----------

export const DebitReferencePathSchema = z.object({
  reference: z.string().check(z.regex(DEBIT_REFERENCE_PATTERN, '扣款指令号格式不正确')),
});

/** A repayment's debit as the holder sees it: the account masked, the status, the failure's reason. */
export const DebitSummaryFields = {
  reference: z.string(),
  /** Integer cents, exactly what the billing system is told to debit. */
  amountCents: z.int(),
  status: z.enum(DEBIT_STATUSES),
  statusLabel: z.string(),
  bankName: z.string(),
  accountMasked: z.string(),
  requestedAt: z.string(),
  /** The bank's reason of a failed debit (余额不足, 账户已销户…). */
  failureReason: z.nullable(z.string()),
  /** The local stage: the 「续期扣款沙箱」 reports the result on demand instead of billing. */
  sandbox: z.boolean(),
};
export const RepaymentDebitViewSchema = z.extend(z.object({ applicationId: z.string() }), DebitSummaryFields);
export type RepaymentDebitView = z.infer<typeof RepaymentDebitViewSchema>;

export const SandboxDebitRequestSchema = z.strictObject({
  outcome: z.enum(DEBIT_OUTCOMES, '请选择扣款成功或扣款失败'),
  reason: z.optional(
    z
      .string('失败原因应为文字')
      .check(z.minLength(1, '请说明扣款失败的原因'), z.maxLength(60, '失败原因不能超过 60 个字')),
  ),
});
export type SandboxDebitRequest = z.infer<typeof SandboxDebitRequestSchema>;

export const SandboxDebitAnswerSchema = z.object({
  reference: z.string(),
  status: z.enum(DEBIT_STATUSES),
});

// ---------- payouts ----------

export const PayoutReferencePathSchema = z.object({
  reference: z.string().check(z.regex(PAYOUT_REFERENCE_PATTERN, '付款指令号格式不正确')),
});

const reason = z
  .string('原因应为文字')
  .check(z.minLength(1, '请说明付款失败或退票的原因'), z.maxLength(200, '原因不能超过 200 个字'));

/** The finance system's result of one instruction (signed: docs/payments.md). */
export const PayoutResultSchema = z
  .strictObject({
    reference: z
      .string('付款指令号应为文字')
      .check(z.regex(PAYOUT_REFERENCE_PATTERN, '付款指令号格式不正确')),
    outcome: z.enum(PAYOUT_OUTCOMES, '付款结果应为 paid、failed 或 returned'),
    amountCents: z
      .number('付款金额应为以分为单位的整数')
      .check(z.int('付款金额应为以分为单位的整数'), z.positive('付款金额必须大于 0')),
    /** Required for failed and returned. */
    reason: z.optional(reason),
    financeReference: z.optional(z.string('财务流水号应为文字').check(z.maxLength(64, '财务流水号过长'))),
    /** When it happened at the bank (ISO 8601); the time received when absent. */
    occurredAt: z.optional(z.iso.datetime({ offset: true, error: '发生时间应为 ISO 8601 时间' })),
  })
  .check(
    z.refine((r) => r.outcome === 'paid' || r.reason !== undefined, {
      message: '付款失败或退票时须说明原因',
      path: ['reason'],
    }),
  );
export type PayoutResult = z.infer<typeof PayoutResultSchema>;

export const PayoutResultAnswerSchema = z.object({
  reference: z.string(),
  status: z.enum(PAYOUT_STATUSES),
  /** False when this result had already been applied (a repeat changes nothing). */
  applied: z.boolean(),
});

export const ChangePayoutAccountRequestSchema = z.strictObject({
  cardHolderName: z
    .string('银行卡户名应为文字')
    .check(z.minLength(2, '请填写银行卡户名'), z.maxLength(30, '银行卡户名不能超过 30 个字')),
  cardNumber: z
    .string('银行卡号应为文字')
    .check(z.minLength(1, '请填写银行卡号'), z.maxLength(30, '银行卡号过长')),
});
export type ChangePayoutAccountRequest = z.infer<typeof ChangePayoutAccountRequestSchema>;

/** A payout as its holder sees it: the current instruction, its status, the account masked. */
export const PayoutSummaryFields = {
  reference: z.string(),
  /** Integer cents, exactly what the finance system is told to pay. */
  amountCents: z.int(),
  status: z.enum(PAYOUT_STATUSES),
  statusLabel: z.string(),
  bankName: z.string(),
  accountMasked: z.string(),
};

/** An application's payout (the answer of another account, and of the sandbox). */
export const PayoutViewSchema = z.extend(z.object({ applicationId: z.string() }), PayoutSummaryFields);
export type PayoutView = z.infer<typeof PayoutViewSchema>;

export const SandboxPayoutRequestSchema = z.strictObject({
  outcome: z.enum(PAYOUT_OUTCOMES, '请选择到账、付款失败或银行退票'),
  reason: z.optional(reason),
});
export type SandboxPayoutRequest = z.infer<typeof SandboxPayoutRequestSchema>;

/** One line of 「付款对账」: an instruction with no result after the business days allowed. */
export const ReconciliationItemSchema = z.object({
  reference: z.string(),
  applicationId: z.string(),
  policyNo: z.string(),
  endorsementType: z.string(),
  endorsementTypeLabel: z.string(),
  branchPath: z.string(),
  /** Masked: 张* */
  payeeMasked: z.string(),
  bankName: z.string(),
  accountMasked: z.string(),
  amountCents: z.int(),
  instructedAt: z.string(),
  /** Accepted by finance, or null (still undelivered: lastError says why). */
  deliveredAt: z.nullable(z.string()),
  attempts: z.int(),
  lastError: z.nullable(z.string()),
  overdueSince: z.string(),
});
export const ReconciliationResponseSchema = z.object({
  /** The business days a payout may wait for its result. */
  resultBusinessDays: z.int(),
  items: z.array(ReconciliationItemSchema),
});
export type ReconciliationResponse = z.infer<typeof ReconciliationResponseSchema>;
