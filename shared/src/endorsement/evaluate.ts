import { formatDateCn } from '../format/dates';
import { formatYuan } from '../format/money';
import type {
  BeneficiaryRecord,
  CustomerRecord,
  LoanRecord,
  PolicyRecord,
  ProductRecord,
} from '../policy/model';
import { premiumsPaidCents } from '../policy/premiums';
import { maskBankAccount, maskIdNumber, maskPhone } from '../privacy/mask';
import {
  type CreateEndorsementRequest,
  ENDORSEMENT_TYPE_LABELS,
  type EndorsementFigures,
  type EndorsementType,
} from './application';
import { checkBeneficiaryChange, formatShare } from './beneficiary-change';
import { type ContactDetails, checkContactChange } from './contact-change';
import { checkDividendOptionChange, checkDividendWithdrawal, type DividendOption } from './dividends';
import { checkLoanRepayment } from './loan-repayment';
import { ageOn, checkPolicyLoan, type LoanChannel } from './policy-loan';
import { checkRenewalAccountChange, findBankByBin } from './renewal-account-change';
import { accept, type RuleProblem, type RuleResult, refuse } from './rule-result';
import { type EndorsementRules, endorsementRules } from './settings';
import { checkSurrender } from './surrender';

/**
 * One entry point over the seven rules: a create request + the policy as stored → what the
 * application shows (before/after rows, figures), whether staff must review it, whose consent it
 * needs, and the effect to apply when it becomes effective. Pure; the engine calls it when the
 * draft is created and again at submission against the policy as it is then.
 */
export type ChangeSensitivity = 'phone' | 'idNumber' | 'bankAccount';
export interface ChangeRow {
  label: string;
  before: string;
  after: string;
  /** Personal data: masked in every view, the document and the audit trail. */
  sensitivity?: ChangeSensitivity;
}

export interface BankAccount {
  bankName: string;
  accountNumber: string;
}

/** What becomes true of the policy (and the holder) when the application takes effect. */
export type EndorsementEffect =
  | { kind: 'contact'; after: ContactDetails }
  | { kind: 'beneficiaries'; after: BeneficiaryRecord[] }
  | { kind: 'loan'; loanAfter: LoanRecord; amountCents: number; payee: BankAccount }
  | { kind: 'repayment'; loanAfter: LoanRecord | null; paidCents: number }
  | { kind: 'dividend_withdrawal'; amountCents: number; accumulatedAfterCents: number; payee: BankAccount }
  | { kind: 'dividend_option'; option: DividendOption }
  | { kind: 'renewal_account'; account: BankAccount }
  | { kind: 'surrender'; refundCents: number; payee: BankAccount | null };

export interface Evaluation {
  type: EndorsementType;
  changes: ChangeRow[];
  figures: EndorsementFigures;
  figureRows: { label: string; value: string }[];
  reviewReasons: string[];
  insuredConsentRequired: boolean;
  /** A new phone that must be confirmed by an SMS code before submission. */
  phoneToConfirm: string | null;
  effect: EndorsementEffect;
}

export interface EvaluationContext {
  policy: PolicyRecord;
  product: ProductRecord;
  holder: CustomerRecord;
  insured: CustomerRecord;
  today: string;
  channel: LoanChannel;
  rules?: EndorsementRules;
}

/** Adults give their own consent; a minor insured's guardian is the policyholder (保险法 Art. 33, 39). */
export const ADULT_AGE = 18;

export function evaluateEndorsement(
  request: CreateEndorsementRequest,
  ctx: EvaluationContext,
): RuleResult<Evaluation> {
  const rules = ctx.rules ?? endorsementRules;
  const result = evaluateType(request, ctx, rules);
  if (!result.ok) return result;
  const draft = result.value;
  const reviewReasons = [...draft.reviewReasons, ...autoApprovalReasons(request.type, draft.figures, rules)];
  const consent =
    draft.insuredConsentRequired &&
    ctx.policy.holderId !== ctx.policy.insuredId &&
    ageOn(ctx.insured.birthDate, ctx.today) >= ADULT_AGE;
  return accept({ ...draft, reviewReasons, insuredConsentRequired: consent });
}

function autoApprovalReasons(
  type: EndorsementType,
  figures: EndorsementFigures,
  rules: EndorsementRules,
): string[] {
  const setting = rules.autoApproval[type];
  if (!setting.enabled) return [`${ENDORSEMENT_TYPE_LABELS[type]}需人工审核`];
  const amount = figures.refundCents ?? figures.amountCents;
  if (setting.maxAmountCents !== undefined && amount !== undefined && amount > setting.maxAmountCents)
    return [`金额超过 ${formatYuan(setting.maxAmountCents)}，需人工审核`];
  return [];
}

type Draft = Omit<Evaluation, 'type'> & { type: EndorsementType };

function evaluateType(
  request: CreateEndorsementRequest,
  ctx: EvaluationContext,
  rules: EndorsementRules,
): RuleResult<Draft> {
  const { policy, product, holder, today } = ctx;
  const base = { type: request.type, reviewReasons: [], insuredConsentRequired: false, phoneToConfirm: null };
  switch (request.type) {
    case 'contact_change': {
      const current: ContactDetails = {
        phone: holder.phone,
        address: holder.address ?? null,
        email: holder.email ?? null,
      };
      const checked = checkContactChange(current, {
        ...(request.phone !== undefined ? { phone: request.phone } : {}),
        ...(request.address !== undefined ? { address: request.address } : {}),
        ...(request.email !== undefined ? { email: request.email } : {}),
      });
      if (!checked.ok) return checked;
      const labels = { phone: '手机号码', address: '联系地址', email: '电子邮箱' } as const;
      return accept({
        ...base,
        changes: checked.value.changes.map((c) => ({
          label: labels[c.field],
          before: c.before ?? '（未填写）',
          after: c.after ?? '（清空）',
          ...(c.field === 'phone' ? { sensitivity: 'phone' as const } : {}),
        })),
        figures: {},
        figureRows: [],
        phoneToConfirm: checked.value.newPhoneNeedsConfirmation ? checked.value.after.phone : null,
        effect: { kind: 'contact', after: checked.value.after },
      });
    }
    case 'beneficiary_change': {
      const checked = checkBeneficiaryChange(request.beneficiaries, {
        holderId: policy.holderId,
        insuredId: policy.insuredId,
        insuredIdNumber: ctx.insured.idNumber,
        current: policy.beneficiaries,
        today,
      });
      if (!checked.ok) return checked;
      const describe = (list: readonly BeneficiaryRecord[]) =>
        list.length === 0
          ? '法定（未指定受益人）'
          : list
              .map(
                (b) =>
                  `第${b.order}顺位 ${b.name}（${b.relation}，${formatShare(b.shareBasisPoints)}，${maskIdNumber(b.idNumber)}）`,
              )
              .join('；');
      return accept({
        ...base,
        changes: [
          {
            label: '身故受益人',
            before: describe(checked.value.before),
            after: describe(checked.value.after),
          },
        ],
        figures: {},
        figureRows: [],
        insuredConsentRequired: checked.value.insuredConsentRequired,
        effect: { kind: 'beneficiaries', after: checked.value.after },
      });
    }
    case 'policy_loan': {
      const payee = payeeAccount(request.payeeCard, ctx);
      const checked = checkPolicyLoan(
        { amountCents: request.amountCents, channel: ctx.channel, applicantBirthDate: holder.birthDate },
        policy,
        product,
        today,
        rules.loan,
      );
      const problems = [...(checked.ok ? [] : checked.problems), ...(payee.ok ? [] : payee.problems)];
      if (!checked.ok || !payee.ok) return refuse(problems);
      const o = checked.value;
      const figures: EndorsementFigures = {
        amountCents: o.amountCents,
        quotaCents: o.quotaCents,
        annualRateBasisPoints: o.annualRateBasisPoints,
        termInterestPreviewCents: o.termInterestPreviewCents,
        dueDate: o.dueDate,
        capitalisedInterestCents: o.capitalisedInterestCents,
        payeeAccountMasked: maskBankAccount(payee.value.accountNumber),
      };
      return accept({
        ...base,
        changes: [
          {
            label: '保单贷款本金',
            before: policy.loan ? formatYuan(policy.loan.principalCents) : '无',
            after: formatYuan(o.loanAfter.principalCents),
          },
          {
            label: '还款到期日',
            before: policy.loan ? formatDateCn(policy.loan.dueDate) : '无',
            after: formatDateCn(o.dueDate),
          },
          {
            label: '收款账户',
            before: '',
            after: `${payee.value.bankName} ${payee.value.accountNumber}`,
            sensitivity: 'bankAccount',
          },
        ],
        figures,
        figureRows: [
          { label: '贷款金额', value: formatYuan(o.amountCents) },
          { label: '可贷金额', value: formatYuan(o.quotaCents) },
          { label: '年利率', value: formatRate(o.annualRateBasisPoints) },
          { label: '到期应付利息（预估）', value: formatYuan(o.termInterestPreviewCents) },
          { label: '还款到期日', value: formatDateCn(o.dueDate) },
          ...(o.capitalisedInterestCents > 0
            ? [{ label: '原贷款利息转入本金', value: formatYuan(o.capitalisedInterestCents) }]
            : []),
        ],
        reviewReasons: o.reviewReasons,
        insuredConsentRequired: o.insuredConsentRequired,
        effect: { kind: 'loan', loanAfter: o.loanAfter, amountCents: o.amountCents, payee: payee.value },
      });
    }
    case 'loan_repayment': {
      if (request.kind === 'partial' && request.amountCents === undefined)
        return refuse([{ field: 'amountCents', message: '部分还款请输入还款金额' }]);
      const checked = checkLoanRepayment(
        policy.loan,
        request.kind === 'full'
          ? { kind: 'full' }
          : { kind: 'partial', amountCents: request.amountCents ?? 0 },
        today,
      );
      if (!checked.ok) return checked;
      const o = checked.value;
      return accept({
        ...base,
        changes: [
          {
            label: '保单贷款本金',
            before: formatYuan(policy.loan?.principalCents ?? 0),
            after: o.loanAfter ? formatYuan(o.loanAfter.principalCents) : '已还清',
          },
        ],
        figures: {
          amountCents: o.paidCents,
          accruedInterestCents: o.accruedInterestCents,
          totalDueCents: o.totalDueCents,
          interestPaidCents: o.interestPaidCents,
          principalPaidCents: o.principalPaidCents,
        },
        figureRows: [
          { label: '还款金额', value: formatYuan(o.paidCents) },
          { label: '其中利息', value: formatYuan(o.interestPaidCents) },
          { label: '其中本金', value: formatYuan(o.principalPaidCents) },
          { label: '今日应还总额', value: formatYuan(o.totalDueCents) },
        ],
        effect: { kind: 'repayment', loanAfter: o.loanAfter, paidCents: o.paidCents },
      });
    }
    case 'dividend_withdrawal': {
      const payee = payeeAccount(request.payeeCard, ctx);
      const checked = checkDividendWithdrawal(request.amountCents, policy, product);
      const problems = [...(checked.ok ? [] : checked.problems), ...(payee.ok ? [] : payee.problems)];
      if (!checked.ok || !payee.ok) return refuse(problems);
      const o = checked.value;
      return accept({
        ...base,
        changes: [
          {
            label: '累积红利',
            before: formatYuan(o.accumulatedBeforeCents),
            after: formatYuan(o.accumulatedAfterCents),
          },
          {
            label: '收款账户',
            before: '',
            after: `${payee.value.bankName} ${payee.value.accountNumber}`,
            sensitivity: 'bankAccount',
          },
        ],
        figures: {
          amountCents: o.amountCents,
          payeeAccountMasked: maskBankAccount(payee.value.accountNumber),
        },
        figureRows: [
          { label: '领取金额', value: formatYuan(o.amountCents) },
          { label: '领取后累积红利', value: formatYuan(o.accumulatedAfterCents) },
        ],
        effect: {
          kind: 'dividend_withdrawal',
          amountCents: o.amountCents,
          accumulatedAfterCents: o.accumulatedAfterCents,
          payee: payee.value,
        },
      });
    }
    case 'dividend_option_change': {
      const checked = checkDividendOptionChange(request.dividendOption, policy, product);
      if (!checked.ok) return checked;
      return accept({
        ...base,
        changes: [
          {
            label: '红利领取方式',
            before: checked.value.beforeLabel ?? '未选择',
            after: checked.value.afterLabel,
          },
        ],
        figures: {},
        figureRows: [],
        effect: { kind: 'dividend_option', option: checked.value.after },
      });
    }
    case 'renewal_account_change': {
      const checked = checkRenewalAccountChange(
        { cardHolderName: request.cardHolderName, cardNumber: request.cardNumber },
        { holderName: holder.name, current: policy.renewalAccount },
      );
      if (!checked.ok) return checked;
      const o = checked.value;
      return accept({
        ...base,
        changes: [
          {
            label: '续期缴费账户',
            before: policy.renewalAccount
              ? `${policy.renewalAccount.bankName} ${policy.renewalAccount.accountNumber}`
              : '',
            after: `${o.bankName} ${o.accountNumber}`,
            sensitivity: 'bankAccount',
          },
        ],
        figures: {},
        figureRows: [{ label: '开户银行', value: o.bankName }],
        effect: {
          kind: 'renewal_account',
          account: { bankName: o.bankName, accountNumber: o.accountNumber },
        },
      });
    }
    case 'surrender': {
      const premiums = premiumsPaidCents(policy);
      if (premiums === null)
        return refuse([{ field: 'policyNo', message: '该保单的已交保费需人工核算，请联系客服办理退保' }]);
      const checked = checkSurrender(policy, product, premiums, today, rules.surrender);
      if (!checked.ok) return checked;
      const o = checked.value;
      if (request.acknowledgedLossCents !== o.lossCents)
        return refuse([
          {
            field: 'acknowledgedLossCents',
            message: `退保试算已更新，当前损失为 ${formatYuan(o.lossCents)}，请重新确认`,
          },
        ]);
      const payee = o.refundCents > 0 ? payeeAccount(request.payeeCard, ctx) : null;
      if (payee && !payee.ok) return payee;
      return accept({
        ...base,
        changes: [{ label: '保单状态', before: '有效', after: '已退保' }],
        figures: {
          premiumsPaidCents: o.premiumsPaidCents,
          cashValueCents: o.cashValueCents,
          feeCents: o.feeCents,
          loanDeductionCents: o.loanDeductionCents,
          refundCents: o.refundCents,
          lossCents: o.lossCents,
          lossLabel: o.lossLabel,
          inCoolingOff: o.inCoolingOff,
          ...(payee?.ok ? { payeeAccountMasked: maskBankAccount(payee.value.accountNumber) } : {}),
        },
        figureRows: [
          { label: '已交保费', value: formatYuan(o.premiumsPaidCents) },
          ...(o.inCoolingOff
            ? [{ label: '犹豫期退保手续费', value: formatYuan(o.feeCents) }]
            : [{ label: '现金价值', value: formatYuan(o.cashValueCents) }]),
          ...(o.loanDeductionCents > 0
            ? [{ label: '扣除未还贷款本息', value: formatYuan(o.loanDeductionCents) }]
            : []),
          { label: '可领取金额', value: formatYuan(o.refundCents) },
          { label: '退保损失', value: formatYuan(o.lossCents) },
        ],
        effect: { kind: 'surrender', refundCents: o.refundCents, payee: payee?.ok ? payee.value : null },
      });
    }
  }
}

/**
 * Money goes only to the policyholder's own card: one given now (name, Luhn and supported bank
 * checked like a renewal card), else the renewal account on record (checked when it was set).
 */
function payeeAccount(
  card: { cardHolderName: string; cardNumber: string } | undefined,
  ctx: EvaluationContext,
): RuleResult<BankAccount> {
  if (!card) {
    if (ctx.policy.renewalAccount) return accept(ctx.policy.renewalAccount);
    return refuse([{ field: 'payeeCard', message: '请填写投保人本人的银行卡用于收款' }]);
  }
  return checkPayeeCard(card, ctx.holder.name, 'payeeCard.');
}

/**
 * A card money is paid into, checked like a renewal card: the account holder must be the
 * policyholder, the number pass Luhn and belong to a supported bank. Used again when a failed
 * payout asks the customer for another account.
 */
export function checkPayeeCard(
  card: { cardHolderName: string; cardNumber: string },
  holderName: string,
  fieldPrefix = '',
): RuleResult<BankAccount> {
  const checked = checkRenewalAccountChange(card, { holderName, current: null });
  if (!checked.ok)
    return refuse(
      checked.problems.map((p) => ({ ...p, field: `${fieldPrefix}${p.field}` }) satisfies RuleProblem),
    );
  const bank = findBankByBin(checked.value.accountNumber);
  return accept({
    bankName: bank?.name ?? checked.value.bankName,
    accountNumber: checked.value.accountNumber,
  });
}

/** The effect applied to the policy (version untouched: the repository bumps it) and the holder. */
export function applyEffect(
  effect: EndorsementEffect,
  policy: PolicyRecord,
  holder: CustomerRecord,
): { policy: PolicyRecord; holder: CustomerRecord | null } {
  switch (effect.kind) {
    case 'contact':
      return {
        policy,
        holder: {
          ...holder,
          phone: effect.after.phone,
          address: effect.after.address,
          email: effect.after.email,
        },
      };
    case 'beneficiaries':
      return { policy: { ...policy, beneficiaries: effect.after }, holder: null };
    case 'loan':
      return { policy: { ...policy, loan: effect.loanAfter }, holder: null };
    case 'repayment':
      return { policy: { ...policy, loan: effect.loanAfter }, holder: null };
    case 'dividend_withdrawal':
      return { policy: { ...policy, accumulatedDividendsCents: effect.accumulatedAfterCents }, holder: null };
    case 'dividend_option':
      return { policy: { ...policy, dividendOption: effect.option }, holder: null };
    case 'renewal_account':
      return { policy: { ...policy, renewalAccount: effect.account }, holder: null };
    case 'surrender':
      return {
        policy: {
          ...policy,
          status: 'surrendered',
          cashValueCents: 0,
          loan: null,
          accumulatedDividendsCents: policy.accumulatedDividendsCents === null ? null : 0,
          nextDueDate: null,
        },
        holder: null,
      };
  }
}

/** 500 → "5.00%" without floating point. */
export function formatRate(basisPoints: number): string {
  return `${Math.trunc(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}%`;
}

const MASKS: Record<ChangeSensitivity, (value: string) => string> = {
  phone: maskPhone,
  idNumber: maskIdNumber,
  bankAccount: (value) => value.replace(/\d[\d\s]{11,}\d/g, (digits) => maskBankAccount(digits)),
};

/** Rows as every view, document and audit event shows them: personal data masked. */
export function maskedChanges(
  rows: readonly ChangeRow[],
): { label: string; before: string; after: string }[] {
  return rows.map(({ label, before, after, sensitivity }) => {
    const mask = sensitivity ? MASKS[sensitivity] : (v: string) => v;
    return { label, before: before ? mask(before) : '', after: after ? mask(after) : '' };
  });
}
