import * as z from 'zod/mini';
import { singleLine } from '../format/input';
import { REPAYMENT_CHANNELS } from '../payments/repayment-debit';
import { DebitSummaryFields, PayoutSummaryFields } from '../payments/schemas';
import { DIVIDEND_OPTIONS } from '../policy/schemas';
import { BENEFICIARY_RELATIONS, MAX_BENEFICIARIES } from './beneficiary-change';
import { ENDORSEMENT_TYPES, type EndorsementType } from './types';

/**
 * The endorsement (保全) API contract: one application per change, the same shape for all eight
 * type codes (dividends are two types), shared by the handlers and the mini program.
 * State machine and transitions: `state-machine.ts`; rules per type: the sibling files;
 * the engine: functions/src/endorsements/use-cases/; the story: docs/endorsements.md.
 */

export { ENDORSEMENT_TYPE_LABELS, ENDORSEMENT_TYPES, type EndorsementType } from './types';

/**
 * Types that collect money from the customer: approval leaves them 待支付 (awaiting_payment), and
 * they take effect only when WeChat Pay confirms the payment (functions/src/payments/).
 */
export const COLLECTION_ENDORSEMENT_TYPES: readonly EndorsementType[] = ['loan_repayment'];

/** Financial types: their submission takes an Idempotency-Key header (pays nothing twice). */
export const IDEMPOTENT_ENDORSEMENT_TYPES: readonly EndorsementType[] = [
  'policy_loan',
  'dividend_withdrawal',
  'surrender',
];
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** A client-generated key (a UUID is ideal): 16–64 letters, digits and dashes. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9-]{16,64}$/;

export const ENDORSEMENT_STATUSES = [
  'draft',
  'identity_verified',
  'signed',
  'submitted',
  'approved',
  'awaiting_payment',
  'rejected',
  'effective',
  'document_issued',
  'cancelled',
] as const;
export type EndorsementStatus = (typeof ENDORSEMENT_STATUSES)[number];
export const ENDORSEMENT_STATUS_LABELS: Record<EndorsementStatus, string> = {
  draft: '待身份验证',
  identity_verified: '待签署',
  signed: '待提交',
  submitted: '审核中',
  approved: '已批准',
  awaiting_payment: '待支付',
  rejected: '未通过',
  effective: '已生效',
  document_issued: '已完成',
  cancelled: '已撤销',
};

/** What happens next, for the one button the application page shows. */
export const NEXT_STEPS = [
  'verify_identity',
  'sign',
  'insured_consent',
  'confirm_phone',
  'submit',
  'await_review',
  'pay',
  'none',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** Timeline (audit) event types: one per transition, plus the evidence steps. */
export const ENDORSEMENT_EVENT_TYPES = [
  'created',
  'identity_verified',
  'signed',
  'insured_consented',
  'phone_confirmed',
  'submitted',
  'approved',
  'awaiting_payment',
  'payment_ordered',
  'payment_expired',
  'payment_received',
  'debit_requested',
  'debit_failed',
  'payout_instructed',
  'payout_paid',
  'payout_failed',
  'payout_account_changed',
  'rejected',
  'effective',
  'document_issued',
  'cancelled',
] as const;
export type EndorsementEventType = (typeof ENDORSEMENT_EVENT_TYPES)[number];
export const ENDORSEMENT_EVENT_LABELS: Record<EndorsementEventType, string> = {
  created: '创建申请',
  identity_verified: '投保人身份验证通过',
  signed: '投保人签署申请书',
  insured_consented: '被保险人验证身份并签署同意书',
  phone_confirmed: '新手机号短信验证通过',
  submitted: '提交申请',
  approved: '审核通过',
  awaiting_payment: '待支付',
  payment_ordered: '发起微信支付',
  payment_expired: '支付未完成，支付单已关闭',
  payment_received: '收到还款',
  debit_requested: '发起续期账户扣款',
  debit_failed: '续期账户扣款失败',
  payout_instructed: '已发起付款',
  payout_paid: '已到账',
  payout_failed: '付款失败',
  payout_account_changed: '更换收款账户',
  rejected: '审核不通过',
  effective: '变更生效',
  document_issued: '变更完成，出具批单',
  cancelled: '撤销申请',
};

// ---------- request bodies ----------

/* @__NO_SIDE_EFFECTS__ */
const money = (label: string) =>
  z
    .number(`${label}应为以分为单位的整数`)
    .check(
      z.int(`${label}最多精确到分`),
      z.positive(`${label}必须大于 0`),
      z.maximum(Number.MAX_SAFE_INTEGER, `${label}过大`),
    );
// Messages naming another module's constant are built by a function marked pure, so that a bundle
// that never uses the schema drops it (esbuild keeps a template literal's interpolation as a
// possible side effect).
/* @__NO_SIDE_EFFECTS__ */
const beneficiariesAtMost = () => `受益人最多 ${MAX_BENEFICIARIES} 位`;
/* @__NO_SIDE_EFFECTS__ */
const relationChoice = () => `关系请从列表中选择（${BENEFICIARY_RELATIONS.join('、')}）`;
/* @__NO_SIDE_EFFECTS__ */
const text = (label: string, max: number) =>
  z.string(`${label}应为文字`).check(z.maxLength(max, `${label}不能超过 ${max} 个字`));
const cardFields = {
  cardHolderName: text('银行卡户名', 30).check(z.minLength(2, '请填写银行卡户名'), singleLine('银行卡户名')),
  cardNumber: z.string('银行卡号应为文字').check(z.maxLength(30, '银行卡号过长')),
};

export const BeneficiaryInputSchema = z.strictObject({
  name: text('受益人姓名', 30).check(singleLine('受益人姓名')),
  relation: z.enum(BENEFICIARY_RELATIONS, relationChoice()),
  order: z
    .number('受益顺位应为整数')
    .check(z.int('受益顺位应为整数'), z.minimum(1, '受益顺位从 1 开始'), z.maximum(10, '受益顺位最多 10')),
  /** Share within the order in basis points (10000 = 100%). */
  shareBasisPoints: z
    .number('受益比例应为整数（万分比）')
    .check(
      z.int('受益比例最多精确到 0.01%'),
      z.minimum(1, '受益比例至少 0.01%'),
      z.maximum(10000, '受益比例不能超过 100%'),
    ),
  idNumber: z.string('身份证号码应为文字').check(z.maxLength(18, '身份证号码应为 18 位')),
});

export const CreateEndorsementRequestSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('contact_change'),
      phone: z.optional(z.string('手机号码应为文字').check(z.maxLength(20, '手机号码过长'))),
      address: z.optional(text('联系地址', 200).check(singleLine('联系地址'))),
      /** Empty string clears the email. */
      email: z.optional(text('电子邮箱', 254)),
    }),
    z.strictObject({
      type: z.literal('beneficiary_change'),
      beneficiaries: z
        .array(BeneficiaryInputSchema, '受益人列表格式不正确')
        .check(z.minLength(1, '请至少指定一位受益人'), z.maxLength(MAX_BENEFICIARIES, beneficiariesAtMost())),
    }),
    z.strictObject({
      type: z.literal('policy_loan'),
      amountCents: money('贷款金额'),
      /** The policyholder's own card to pay the loan into; the renewal account on record when absent. */
      payeeCard: z.optional(z.strictObject(cardFields)),
    }),
    z.strictObject({
      type: z.literal('loan_repayment'),
      kind: z.enum(['full', 'partial'], '请选择全部还款或部分还款'),
      /** Required for a partial repayment. */
      amountCents: z.optional(money('还款金额')),
    }),
    z.strictObject({
      type: z.literal('dividend_withdrawal'),
      amountCents: money('领取金额'),
      /** The policyholder's own card to be paid into; the renewal account on record when absent. */
      payeeCard: z.optional(z.strictObject(cardFields)),
    }),
    z.strictObject({
      type: z.literal('dividend_option_change'),
      dividendOption: z.enum(DIVIDEND_OPTIONS, '请选择红利领取方式'),
    }),
    z.extend(z.strictObject({ type: z.literal('renewal_account_change') }), cardFields),
    z.strictObject({
      type: z.literal('surrender'),
      /** The loss the customer saw and accepted (cents); a different current figure is refused. */
      acknowledgedLossCents: z
        .number('请确认退保损失金额')
        .check(z.int('退保损失金额最多精确到分'), z.minimum(0, '退保损失金额不能为负')),
      /** The policyholder's own card to be paid into; the renewal account on record when absent. */
      payeeCard: z.optional(z.strictObject(cardFields)),
    }),
  ],
  '请选择有效的保全类型',
);
export type CreateEndorsementRequest = z.infer<typeof CreateEndorsementRequestSchema>;

export const SubmitEndorsementRequestSchema = z.strictObject({
  /** Contact change with a new phone: the 6-digit code sent to the new number. */
  phoneCode: z.optional(z.string('验证码应为文字').check(z.regex(/^\d{6}$/, '验证码应为 6 位数字'))),
});
export type SubmitEndorsementRequest = z.infer<typeof SubmitEndorsementRequestSchema>;

export const CancelEndorsementRequestSchema = z.strictObject({
  reason: z.optional(text('撤销原因', 200)),
});
export type CancelEndorsementRequest = z.infer<typeof CancelEndorsementRequestSchema>;

export const DecideEndorsementRequestSchema = z.strictObject({
  decision: z.enum(['approve', 'reject'], '请选择通过或不通过'),
  /** Required when rejecting: shown to the customer. */
  reason: z.optional(text('审核意见', 200)),
});
export type DecideEndorsementRequest = z.infer<typeof DecideEndorsementRequestSchema>;

export const applicationId = z.string().check(z.regex(/^EA\d{8}[A-Z0-9]{6}$/, '申请编号格式不正确'));
export const EndorsementPathSchema = z.object({ applicationId });

export const SendPhoneCodeResponseSchema = z.object({
  phoneMasked: z.string(),
  /** Seconds before another code may be requested. */
  resendAfterSeconds: z.int(),
});
export type SendPhoneCodeResponse = z.infer<typeof SendPhoneCodeResponseSchema>;

// ---------- views ----------

export const ChangeRowSchema = z.object({ label: z.string(), before: z.string(), after: z.string() });
export const FigureRowSchema = z.object({ label: z.string(), value: z.string() });

/**
 * The figures the customer decides on, typed for the UI (all money in cents, rates in basis
 * points); `figureRows` repeats them formatted in Chinese for a generic table.
 */
export const EndorsementFiguresSchema = z.object({
  amountCents: z.optional(z.int()),
  quotaCents: z.optional(z.int()),
  annualRateBasisPoints: z.optional(z.int()),
  termInterestPreviewCents: z.optional(z.int()),
  dueDate: z.optional(z.string()),
  capitalisedInterestCents: z.optional(z.int()),
  accruedInterestCents: z.optional(z.int()),
  totalDueCents: z.optional(z.int()),
  interestPaidCents: z.optional(z.int()),
  principalPaidCents: z.optional(z.int()),
  premiumsPaidCents: z.optional(z.int()),
  cashValueCents: z.optional(z.int()),
  feeCents: z.optional(z.int()),
  loanDeductionCents: z.optional(z.int()),
  refundCents: z.optional(z.int()),
  lossCents: z.optional(z.int()),
  lossLabel: z.optional(z.string()),
  inCoolingOff: z.optional(z.boolean()),
  payeeAccountMasked: z.optional(z.string()),
});
export type EndorsementFigures = z.infer<typeof EndorsementFiguresSchema>;

const PersonSchema = z.object({ customerId: z.string(), name: z.string() });

export const TimelineEventSchema = z.object({
  type: z.enum(ENDORSEMENT_EVENT_TYPES),
  label: z.string(),
  at: z.string(),
  /** e.g. 王业务员（业务员，代 张三 办理） */
  actor: z.string(),
  actorRole: z.enum(['customer', 'agent', 'staff', 'system']),
  /** The customer the actor acted for, when an agent acted. */
  onBehalfOf: z.nullable(z.string()),
  fromStatus: z.nullable(z.enum(ENDORSEMENT_STATUSES)),
  toStatus: z.nullable(z.enum(ENDORSEMENT_STATUSES)),
  /** Verification record the step relied on (identity, signature). */
  verificationId: z.nullable(z.string()),
  detail: z.nullable(z.string()),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const EndorsementSummarySchema = z.object({
  applicationId: z.string(),
  type: z.enum(ENDORSEMENT_TYPES),
  typeLabel: z.string(),
  status: z.enum(ENDORSEMENT_STATUSES),
  statusLabel: z.string(),
  policyNo: z.string(),
  productName: z.string(),
  holderName: z.string(),
  preparedBy: z.object({ role: z.enum(['customer', 'agent', 'staff']), name: z.string() }),
  nextStep: z.enum(NEXT_STEPS),
  nextStepLabel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EndorsementSummary = z.infer<typeof EndorsementSummarySchema>;

export const EndorsementApplicationSchema = z.extend(EndorsementSummarySchema, {
  holder: PersonSchema,
  insured: PersonSchema,
  /** Before/after rows, personal data masked. */
  changes: z.array(ChangeRowSchema),
  figures: EndorsementFiguresSchema,
  figureRows: z.array(FigureRowSchema),
  /** The application (申请书) the policyholder signs (documents pages: /packages/documents/...?id=). */
  documentId: z.string(),
  documentSigned: z.boolean(),
  /** Identity verification purpose for the holder: `endorsement:<applicationId>`. */
  identityPurpose: z.string(),
  /**
   * Prepared by the holder's trustee on a video authorisation: its reference and the trustee's name
   * (the trustee verifies their own identity with `authorisationId`). Absent otherwise.
   */
  trustee: z.optional(z.object({ authorisationId: z.string(), name: z.string() })),
  /**
   * Prepared by staff at the counter on a video authorisation (柜面代办): its reference and the staff
   * member's name. Absent otherwise.
   */
  counter: z.optional(z.object({ authorisationId: z.string(), name: z.string() })),
  identityVerified: z.boolean(),
  /** When holder ≠ insured and the law asks for the insured's consent (beneficiary change, loan on a death-benefit policy). */
  insuredConsent: z.nullable(
    z.object({
      customerId: z.string(),
      name: z.string(),
      documentId: z.string(),
      identityPurpose: z.string(),
      signed: z.boolean(),
    }),
  ),
  /** Contact change to a new phone: the SMS confirmation to the new number. */
  phoneConfirmation: z.nullable(z.object({ phoneMasked: z.string(), confirmed: z.boolean() })),
  /** Why staff review it (empty: approved automatically on submission). */
  reviewReasons: z.array(z.string()),
  decision: z.nullable(
    z.object({
      decision: z.enum(['approve', 'reject']),
      reason: z.nullable(z.string()),
      by: z.string(),
      at: z.string(),
    }),
  ),
  /** Submission of this type needs an Idempotency-Key header. */
  requiresIdempotencyKey: z.boolean(),
  /** A repayment's money step (null for types that collect nothing). */
  payment: z.nullable(
    z.object({
      /** Integer cents due (interest first, then principal). */
      amountCents: z.int(),
      /** The open WeChat Pay order, if one is waiting to be paid. */
      openOrderNo: z.nullable(z.string()),
      paidAt: z.nullable(z.string()),
      transactionId: z.nullable(z.string()),
      /** The policy's renewal account on file, masked: 续期账户扣款 is offered only when there is one. */
      debitAccount: z.nullable(z.object({ bankName: z.string(), accountMasked: z.string() })),
      /** Paid by WeChat Pay or by the renewal-account debit (null until paid). */
      paidBy: z.nullable(z.enum(REPAYMENT_CHANNELS)),
      /** The latest renewal-account debit (续期账户扣款), if one was requested. */
      debit: z.nullable(z.object(DebitSummaryFields)),
    }),
  ),
  /**
   * What the effective application pays the customer (loans, dividend withdrawals, surrenders
   * with a refund): 待付款 → 已付款 / 付款失败; null for the others.
   */
  payout: z.nullable(
    z.extend(z.object(PayoutSummaryFields), {
      instructedAt: z.string(),
      paidAt: z.nullable(z.string()),
      /** Why the last instruction failed (the bank's or finance's reason). */
      failureReason: z.nullable(z.string()),
      /** The local stage: the 「财务付款沙箱」 reports the result on demand instead of finance. */
      sandbox: z.boolean(),
    }),
  ),
  /** What the viewer may do now. */
  actions: z.object({
    canSubmit: z.boolean(),
    canCancel: z.boolean(),
    canDecide: z.boolean(),
    /** The holder may pay now (awaiting payment, no debit in progress; the customer themself, in WeChat). */
    canPay: z.boolean(),
    /** The holder may choose the renewal-account debit now (as canPay, and the policy has a renewal account). */
    canDebit: z.boolean(),
    /** The holder may give another account of their own (the payout failed). */
    canChangePayoutAccount: z.boolean(),
  }),
  timeline: z.array(TimelineEventSchema),
});
export type EndorsementApplication = z.infer<typeof EndorsementApplicationSchema>;

export const EndorsementListResponseSchema = z.object({ applications: z.array(EndorsementSummarySchema) });
export type EndorsementListResponse = z.infer<typeof EndorsementListResponseSchema>;

export const ReviewQueueItemSchema = z.extend(EndorsementSummarySchema, {
  branchName: z.string(),
  reviewReasons: z.array(z.string()),
  submittedAt: z.string(),
});
export const EndorsementReviewQueueSchema = z.object({ applications: z.array(ReviewQueueItemSchema) });
export type EndorsementReviewQueue = z.infer<typeof EndorsementReviewQueueSchema>;

// ---------- per-policy options (eligibility and figures before the form) ----------

export const EndorsementOptionSchema = z.object({
  type: z.enum(ENDORSEMENT_TYPES),
  label: z.string(),
  available: z.boolean(),
  /** Why not (Chinese), when unavailable. */
  unavailableReason: z.nullable(z.string()),
  /** The insured must verify and sign too (holder ≠ insured). */
  insuredConsentRequired: z.boolean(),
  /** An open application of this type on the policy, to resume instead of starting another. */
  openApplicationId: z.nullable(z.string()),
});

export const EndorsementOptionsSchema = z.object({
  policyNo: z.string(),
  productName: z.string(),
  policyVersion: z.int(),
  holder: PersonSchema,
  insured: PersonSchema,
  holderIsInsured: z.boolean(),
  options: z.array(EndorsementOptionSchema),
  contact: z.object({
    phoneMasked: z.string(),
    address: z.nullable(z.string()),
    email: z.nullable(z.string()),
  }),
  beneficiaries: z.array(
    z.object({
      name: z.string(),
      relation: z.string(),
      order: z.int(),
      shareBasisPoints: z.int(),
      idNumberMasked: z.string(),
    }),
  ),
  beneficiaryRelations: z.array(z.string()),
  loan: z.object({
    /** 可贷金额 */
    quotaCents: z.int(),
    annualRateBasisPoints: z.int(),
    minimumAmountCents: z.int(),
    termMonths: z.int(),
    cashValueCents: z.int(),
    loanableRatioBasisPoints: z.int(),
    outstandingPrincipalCents: z.int(),
    accruedInterestCents: z.int(),
    reviewAboveCents: z.int(),
  }),
  /** The outstanding loan today (null without one). */
  repayment: z.nullable(
    z.object({
      principalCents: z.int(),
      accruedInterestCents: z.int(),
      totalDueCents: z.int(),
      annualRateBasisPoints: z.int(),
      startDate: z.string(),
      dueDate: z.string(),
    }),
  ),
  dividends: z.nullable(
    z.object({
      accumulatedCents: z.int(),
      option: z.nullable(z.enum(DIVIDEND_OPTIONS)),
      optionLabel: z.nullable(z.string()),
      choices: z.array(z.object({ value: z.enum(DIVIDEND_OPTIONS), label: z.string() })),
    }),
  ),
  renewalAccount: z.nullable(z.object({ bankName: z.string(), accountMasked: z.string() })),
  /** A trustee's options: the one account money may go to, as the video authorisation names it. */
  authorisedPayee: z.optional(z.object({ bankName: z.string(), accountMasked: z.string() })),
  supportedBanks: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Surrender quote today (null when the policy cannot be surrendered). */
  surrender: z.nullable(
    z.object({
      inCoolingOff: z.boolean(),
      coolingOffEndDate: z.string(),
      premiumsPaidCents: z.int(),
      feeCents: z.int(),
      cashValueCents: z.int(),
      loanDeductionCents: z.int(),
      refundCents: z.int(),
      lossCents: z.int(),
      lossLabel: z.string(),
    }),
  ),
});
export type EndorsementOptions = z.infer<typeof EndorsementOptionsSchema>;
