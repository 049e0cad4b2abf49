import * as z from 'zod/mini';
import complaintRulesJson from '../../../config/complaint-rules.json';
import { detectAnger } from '../assistant/anger';
import { DAY_MS, shanghaiDate } from './calendar';

/**
 * Complaint classification: the category the customer (or staff) chooses, and the severity the
 * rules decide. A complaint is urgent/major (紧急/重大) when any rule of `config/complaint-rules.json`
 * holds — forwarded by the regulator, media or legal threat words, a repeat within N days, a
 * customer aged N or over, an amount above a threshold, a high anger score — and ordinary otherwise.
 * Every rule that held is kept as a reason, so staff and the audit see why.
 */
export const COMPLAINT_CATEGORIES = {
  sales_misleading: '销售误导',
  claims: '理赔',
  endorsement: '保全',
  renewal_debit: '续期扣款',
  service_attitude: '服务态度',
  product: '产品',
  other: '其他',
} as const;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;
export const COMPLAINT_CATEGORY_KEYS = Object.keys(COMPLAINT_CATEGORIES) as [
  ComplaintCategory,
  ...ComplaintCategory[],
];

export type ComplaintSeverity = 'urgent' | 'ordinary';
export const SEVERITY_LABELS: Record<ComplaintSeverity, string> = { urgent: '紧急/重大', ordinary: '一般' };

export const ComplaintRulesSchema = z.object({
  urgent: z.object({
    regulatorForwarded: z.boolean(),
    mediaWords: z.array(z.string().check(z.minLength(1))),
    legalWords: z.array(z.string().check(z.minLength(1))),
    repeatWithinDays: z.number().check(z.int(), z.positive()),
    customerAgeAtLeast: z.number().check(z.int(), z.positive()),
    amountAboveCents: z.number().check(z.int(), z.nonnegative()),
    angerScoreAtLeast: z.number().check(z.int(), z.positive()),
  }),
});
export type ComplaintRules = z.infer<typeof ComplaintRulesSchema>;
export const defaultComplaintRules: ComplaintRules =
  /* @__PURE__ */ ComplaintRulesSchema.parse(complaintRulesJson);

export type UrgencyRule = 'regulator' | 'media' | 'legal' | 'repeat' | 'elderly' | 'amount' | 'anger';
export interface UrgencyReason {
  rule: UrgencyRule;
  /** Chinese, shown to staff. */
  label: string;
}

export interface ClassificationInput {
  /** What happened, in the complainant's words. */
  text: string;
  receivedAt: string;
  regulatorForwarded?: boolean;
  /** YYYY-MM-DD, from the customer record. */
  customerBirthDate?: string;
  /** The amount in dispute, if any. */
  amountCents?: number;
  /** When the same customer's earlier complaints were received (ISO instants). */
  earlierComplaintsReceivedAt?: readonly string[];
}

/** Whole years of age on a Shanghai date. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The reason a complaint carries when the repeat rule held (a repeat by the same customer within N days). */
export function repeatReasonLabel(rules: ComplaintRules = defaultComplaintRules): string {
  return `${rules.urgent.repeatWithinDays} 日内重复投诉`;
}

export function classifyComplaint(
  input: ClassificationInput,
  rules: ComplaintRules = defaultComplaintRules,
): { severity: ComplaintSeverity; reasons: UrgencyReason[] } {
  const r = rules.urgent;
  const reasons: UrgencyReason[] = [];
  const text = input.text.replace(/\s+/g, '');
  const receivedMs = Date.parse(input.receivedAt);
  if (r.regulatorForwarded && input.regulatorForwarded)
    reasons.push({ rule: 'regulator', label: '监管转办' });
  const media = r.mediaWords.find((w) => text.includes(w));
  if (media) reasons.push({ rule: 'media', label: `提及媒体曝光（${media}）` });
  const legal = r.legalWords.find((w) => text.includes(w));
  if (legal) reasons.push({ rule: 'legal', label: `提及法律途径（${legal}）` });
  const repeat = (input.earlierComplaintsReceivedAt ?? []).some((at) => {
    const ms = Date.parse(at);
    return ms <= receivedMs && receivedMs - ms <= r.repeatWithinDays * DAY_MS;
  });
  if (repeat) reasons.push({ rule: 'repeat', label: repeatReasonLabel(rules) });
  if (
    input.customerBirthDate &&
    ageOn(input.customerBirthDate, shanghaiDate(receivedMs)) >= r.customerAgeAtLeast
  )
    reasons.push({ rule: 'elderly', label: `客户年满 ${r.customerAgeAtLeast} 周岁` });
  if (input.amountCents !== undefined && input.amountCents > r.amountAboveCents)
    reasons.push({ rule: 'amount', label: `涉及金额超过 ${r.amountAboveCents / 100} 元` });
  const anger = detectAnger(input.text);
  if (anger.score >= r.angerScoreAtLeast) reasons.push({ rule: 'anger', label: '客户情绪激烈' });
  return { severity: reasons.length > 0 ? 'urgent' : 'ordinary', reasons };
}
