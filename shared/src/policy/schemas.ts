import * as z from 'zod/mini';

export const PRODUCT_KINDS = [
  'participating_life',
  'whole_life',
  'term_life',
  'annuity',
  'critical_illness',
  'medical',
  'accident',
  'universal_life',
] as const;
export const PRODUCT_KIND_LABELS: Record<(typeof PRODUCT_KINDS)[number], string> = {
  participating_life: '分红型寿险',
  whole_life: '终身寿险',
  term_life: '定期寿险',
  annuity: '年金保险',
  critical_illness: '重大疾病保险',
  medical: '医疗保险',
  accident: '意外伤害保险',
  universal_life: '万能型寿险',
};

export const POLICY_STATUSES = ['in_force', 'lapsed', 'surrendered', 'matured', 'terminated'] as const;
export const POLICY_STATUS_LABELS: Record<(typeof POLICY_STATUSES)[number], string> = {
  in_force: '有效',
  lapsed: '失效',
  surrendered: '已退保',
  matured: '已满期',
  terminated: '已终止',
};

export const PREMIUM_FREQUENCIES = ['single', 'annual', 'semiannual', 'quarterly', 'monthly'] as const;
export const PREMIUM_FREQUENCY_LABELS: Record<(typeof PREMIUM_FREQUENCIES)[number], string> = {
  single: '趸交',
  annual: '年交',
  semiannual: '半年交',
  quarterly: '季交',
  monthly: '月交',
};

export const DIVIDEND_OPTIONS = ['cash', 'accumulate', 'offset_premium', 'paid_up_additions'] as const;
export const DIVIDEND_OPTION_LABELS: Record<(typeof DIVIDEND_OPTIONS)[number], string> = {
  cash: '现金领取',
  accumulate: '累积生息',
  offset_premium: '抵交保费',
  paid_up_additions: '增额交清',
};

/** Integer cents; never floating-point yuan. */
const cents = z.int();
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const PartySchema = z.object({
  customerId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
});

export const BeneficiarySchema = z.object({
  name: z.string(),
  relation: z.string(),
  /** 顺位: 1 is paid first. */
  order: z.int(),
  /** Share within the order in basis points (10000 = 100%). */
  shareBasisPoints: z.int(),
  idNumberMasked: z.string(),
});

export const LoanSchema = z.object({
  principalCents: cents,
  accruedInterestCents: cents,
  /** Annual rate in basis points (500 = 5.00%). */
  annualRateBasisPoints: z.int(),
  startDate: isoDate,
  dueDate: isoDate,
});

export const PolicySummarySchema = z.object({
  policyNo: z.string(),
  productCode: z.string(),
  productName: z.string(),
  productKind: z.enum(PRODUCT_KINDS),
  status: z.enum(POLICY_STATUSES),
  holderName: z.string(),
  insuredName: z.string(),
  /** The viewer's relation to the policy when the viewer is a customer. */
  viewerRole: z.nullable(z.enum(['holder', 'insured'])),
  sumAssuredCents: cents,
  premiumCents: cents,
  premiumFrequency: z.enum(PREMIUM_FREQUENCIES),
  nextDueDate: z.nullable(isoDate),
  coolingOffEndDate: isoDate,
  inCoolingOff: z.boolean(),
});
export type PolicySummary = z.infer<typeof PolicySummarySchema>;

export const PolicyDetailSchema = z.extend(PolicySummarySchema, {
  effectiveDate: isoDate,
  receiptDate: isoDate,
  holder: PartySchema,
  insured: PartySchema,
  beneficiaries: z.array(BeneficiarySchema),
  nextDueAmountCents: z.nullable(cents),
  renewalAccount: z.nullable(z.object({ bankName: z.string(), accountMasked: z.string() })),
  cashValueCents: cents,
  accumulatedDividendsCents: z.nullable(cents),
  dividendOption: z.nullable(z.enum(DIVIDEND_OPTIONS)),
  loan: z.nullable(LoanSchema),
  /** 可贷金额 today (ratio × cash value − loan and interest), or why nothing can be borrowed. */
  loanQuota: z.object({ quotaCents: cents, unavailableReason: z.nullable(z.string()) }),
  branchName: z.string(),
  agentName: z.nullable(z.string()),
  /**
   * The next survival or maturity benefit the product's schedule pays (生存金 / 满期金), on or
   * after today; absent when none (not in force, no schedule, nothing left).
   */
  nextBenefit: z.optional(
    z.object({ date: isoDate, kind: z.enum(['survival', 'maturity']), amountCents: cents }),
  ),
});
export type PolicyDetail = z.infer<typeof PolicyDetailSchema>;

export const PolicyListResponseSchema = z.object({ policies: z.array(PolicySummarySchema) });
export type PolicyListResponse = z.infer<typeof PolicyListResponseSchema>;

export const CustomerSummarySchema = z.object({
  customerId: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  idNumberMasked: z.string(),
  policyCount: z.int(),
});
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;
export const CustomerListResponseSchema = z.object({ customers: z.array(CustomerSummarySchema) });

/** Path parameters. Checked before any lookup so junk never reaches the table. */
export const PolicyPathSchema = z.object({
  policyNo: z.string().check(z.regex(/^[0-9A-Za-z]{6,32}$/, '保单号格式不正确，应为 6–32 位数字或字母')),
});
export const CustomerPathSchema = z.object({
  customerId: z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, '客户编号格式不正确')),
});
