import { formatDateCn } from '../format/dates';
import { formatYuan } from '../format/money';
import { policyLoanPosition } from '../policy/loan-quota';
import type { PolicyRecord, ProductRecord } from '../policy/model';
import { DIVIDEND_OPTION_LABELS, PREMIUM_FREQUENCY_LABELS } from '../policy/schemas';
import { coolingOffEndDate, isInCoolingOff } from '../policy/view';
import type { CallbackBookingRecord } from '../ports/callback-bookings';
import { maskBankAccount } from '../privacy/mask';
import type { Intent } from './intents';

/**
 * The customer's own figures in the assistant's answers ("您的保单 88…（鑫享人生）当前可贷金额
 * ¥54,736.40"). Pure: the chat use case loads the holder's policies, their products and (for the
 * callback) bookings, and this module decides which policies a question is about and what to say.
 */
export interface PolicyFacts {
  policy: PolicyRecord;
  product: ProductRecord;
  /** The policy's callback booking, when the question is about the callback. */
  booking?: CallbackBookingRecord | null;
}

interface FigureRule {
  /** Does this policy have the figure the question asks for? */
  applies(facts: PolicyFacts, today: string): boolean;
  /** The figure, as one sentence about one policy. */
  describe(facts: PolicyFacts, today: string): string;
  /** What to say when none of the customer's policies applies. */
  none: string;
  /** "您有 N 份保单{choose}，请问是哪一份？" */
  choose: string;
}

const PRODUCT_KIND_SUFFIX =
  /(终身重大疾病保险|重大疾病保险|疾病保险|终身寿险|增额终身寿险|两全保险|定期寿险|养老年金保险|少儿年金保险|年金保险|医疗保险|意外伤害保险)$/;

/** 鑫享人生终身寿险(分红型) → 鑫享人生: how customers name their policies. */
export function productShortName(name: string): string {
  const plain = name.replace(/[(（][^)）]*[)）]/g, '').trim();
  return plain.replace(PRODUCT_KIND_SUFFIX, '') || plain;
}

export function policyLabel({ policy, product }: Pick<PolicyFacts, 'policy' | 'product'>): string {
  return `${productShortName(product.name)}（尾号 ${policy.policyNo.slice(-4)}）`;
}

const subject = ({ policy, product }: PolicyFacts) =>
  `您的保单 ${policy.policyNo}（${productShortName(product.name)}）`;

const loanQuota: FigureRule = {
  applies: ({ policy, product }, today) =>
    policyLoanPosition(policy, product, today).unavailableReason === null,
  describe: (facts, today) => {
    const position = policyLoanPosition(facts.policy, facts.product, today);
    const owed = position.outstandingPrincipalCents + position.accruedInterestCents;
    return `${subject(facts)}当前可贷金额 ${formatYuan(position.quotaCents)}${
      owed > 0 ? `（已扣除未还贷款本息 ${formatYuan(owed)}）` : ''
    }。`;
  },
  none: '您名下目前没有可以办理保单贷款的保单（需为有效、具有现金价值的长期险保单）。',
  choose: '可以办理保单贷款',
};

const RULES: Partial<Record<Intent, FigureRule>> = {
  loan_quota: loanQuota,
  loan_apply: loanQuota,
  loan_repay: {
    applies: ({ policy }) => policy.loan !== null,
    describe: (facts, today) => {
      const position = policyLoanPosition(facts.policy, facts.product, today);
      const total = position.outstandingPrincipalCents + position.accruedInterestCents;
      return `${subject(facts)}未还贷款本金 ${formatYuan(position.outstandingPrincipalCents)}，截至今天利息 ${formatYuan(
        position.accruedInterestCents,
      )}，合计 ${formatYuan(total)}；贷款到期日 ${formatDateCn(facts.policy.loan?.dueDate ?? today)}。`;
    },
    none: '您名下的保单目前没有未还的保单贷款。',
    choose: '有未还贷款',
  },
  dividend_query: {
    applies: ({ policy }) => policy.accumulatedDividendsCents !== null,
    describe: (facts) =>
      `${subject(facts)}累积红利 ${formatYuan(facts.policy.accumulatedDividendsCents ?? 0)}，红利领取方式为「${dividendOption(facts)}」。`,
    none: '您名下没有分红型保单，因此没有红利。',
    choose: '有分红',
  },
  dividend_option_change: {
    applies: ({ policy }) => policy.dividendOption !== null && policy.status === 'in_force',
    describe: (facts) => `${subject(facts)}当前的红利领取方式为「${dividendOption(facts)}」。`,
    none: '您名下没有可以变更红利领取方式的有效分红型保单。',
    choose: '是分红型保单',
  },
  renewal_due_query: {
    applies: ({ policy }) => policy.status === 'in_force' && policy.nextDueDate !== null,
    describe: (facts) => {
      const { policy } = facts;
      const account = policy.renewalAccount
        ? `，将从${policy.renewalAccount.bankName} ${maskBankAccount(policy.renewalAccount.accountNumber)} 扣款`
        : '';
      return `${subject(facts)}下期应缴日为 ${formatDateCn(policy.nextDueDate ?? '')}，应缴保费 ${formatYuan(
        policy.premiumCents,
      )}（${PREMIUM_FREQUENCY_LABELS[policy.premiumFrequency]}）${account}。`;
    },
    none: '您名下的有效保单目前没有待缴的续期保费。',
    choose: '有续期保费',
  },
  renewal_account_change: {
    applies: ({ policy }) => policy.status === 'in_force' && policy.renewalAccount !== null,
    describe: (facts) => {
      const account = facts.policy.renewalAccount;
      return `${subject(facts)}当前的续期缴费账户为${account?.bankName ?? ''} ${maskBankAccount(account?.accountNumber ?? '')}。`;
    },
    none: '您名下的有效保单目前没有设置续期缴费账户。',
    choose: '设置了续期缴费账户',
  },
  callback_booking: {
    applies: ({ policy, product }, today) => isInCoolingOff(policy, product.coolingOffDays, today),
    describe: (facts) => {
      const end = formatDateCn(coolingOffEndDate(facts.policy.receiptDate, facts.product.coolingOffDays));
      const booking = facts.booking;
      if (booking?.status === 'booked')
        return `${subject(facts)}已预约 ${formatDateCn(booking.date)} ${booking.start} 的回访电话，需在 ${end} 前完成回访。`;
      if (booking?.status === 'completed') return `${subject(facts)}已完成新单回访。`;
      return `${subject(facts)}尚未预约回访，请在 ${end} 前完成回访（可预约电话回访或在线自助回访）。`;
    },
    none: '您名下目前没有需要回访的新保单（回访在新保单的犹豫期内进行）。',
    choose: '在犹豫期内需要回访',
  },
  surrender: {
    applies: ({ policy }) => policy.status === 'in_force',
    describe: (facts, today) => {
      const { policy, product } = facts;
      if (isInCoolingOff(policy, product.coolingOffDays, today)) {
        const end = formatDateCn(coolingOffEndDate(policy.receiptDate, product.coolingOffDays));
        return `${subject(facts)}在犹豫期内（至 ${end}），现在退保可退还已交保费 ${formatYuan(policy.premiumCents)}，最多扣除 10 元工本费。`;
      }
      const position = policyLoanPosition(policy, product, today);
      const refund = Math.max(
        0,
        policy.cashValueCents - position.outstandingPrincipalCents - position.accruedInterestCents,
      );
      return `${subject(facts)}已过犹豫期，按当前现金价值 ${formatYuan(policy.cashValueCents)}${
        policy.loan ? '扣除未还贷款本息后' : ''
      }估算，退保可退约 ${formatYuan(refund)}（以审核结果为准）。`;
    },
    none: '您名下目前没有有效的保单可以退保。',
    choose: '有效',
  },
};

function dividendOption({ policy }: PolicyFacts): string {
  return policy.dividendOption ? DIVIDEND_OPTION_LABELS[policy.dividendOption] : '未设置';
}

/** Intents answered with the customer's records (when the knowledge entry is marked personal). */
export function hasPersonalFigures(intent: Intent): boolean {
  return RULES[intent] !== undefined;
}

/** Does the callback figure need the bookings loaded? */
export function needsCallbackBookings(intent: Intent): boolean {
  return intent === 'callback_booking';
}

export type FigureOutcome =
  | { kind: 'none'; text: string }
  | { kind: 'one'; facts: PolicyFacts; text: string }
  | { kind: 'choose'; question: string; options: PolicyFacts[] };

/**
 * The figures for a question: the policy named (by number or product name) or chosen, the only
 * policy it applies to, or a question listing the policies it applies to.
 */
export function personalFigures(
  intent: Intent,
  policies: readonly PolicyFacts[],
  today: string,
  options: { message?: string; chosenPolicyNo?: string } = {},
): FigureOutcome | null {
  const rule = RULES[intent];
  if (!rule) return null;
  const applicable = policies.filter((facts) => rule.applies(facts, today));
  const chosen = options.chosenPolicyNo
    ? policies.find((f) => f.policy.policyNo === options.chosenPolicyNo)
    : mentionedPolicy(applicable, options.message ?? '');
  if (chosen) {
    if (!rule.applies(chosen, today))
      return {
        kind: 'none',
        text: `保单 ${chosen.policy.policyNo}（${productShortName(chosen.product.name)}）不适用：${rule.none}`,
      };
    return { kind: 'one', facts: chosen, text: rule.describe(chosen, today) };
  }
  if (applicable.length === 0) return { kind: 'none', text: rule.none };
  const [only] = applicable;
  if (applicable.length === 1 && only) return { kind: 'one', facts: only, text: rule.describe(only, today) };
  return {
    kind: 'choose',
    question: `您有 ${applicable.length} 份保单${rule.choose}，请问您想了解哪一份？`,
    options: applicable,
  };
}

/** A policy the message names by its number (or last digits ≥ 4) or its product's short name. */
function mentionedPolicy(policies: readonly PolicyFacts[], message: string): PolicyFacts | undefined {
  const digits = message.match(/\d{4,}/g) ?? [];
  const byNumber = policies.filter((f) => digits.some((d) => f.policy.policyNo.endsWith(d)));
  if (byNumber.length === 1) return byNumber[0];
  const byName = policies.filter((f) => message.includes(productShortName(f.product.name)));
  return byName.length === 1 ? byName[0] : undefined;
}
