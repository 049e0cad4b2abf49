import { formatYuan } from '../format/money';
import type { PolicyRecord, ProductRecord } from '../policy/model';
import { DIVIDEND_OPTION_LABELS, DIVIDEND_OPTIONS } from '../policy/schemas';
import { accept, type RuleResult, refuse } from './rule-result';

/**
 * Dividend withdrawal (红利领取) and dividend option change (红利领取方式变更), participating
 * policies only. A withdrawal takes at most the accumulated dividends; the option is one of the
 * four of DIVIDEND_OPTIONS and must differ from the current one.
 */
export type DividendOption = (typeof DIVIDEND_OPTIONS)[number];

type DividendPolicy = Pick<PolicyRecord, 'status' | 'accumulatedDividendsCents' | 'dividendOption'>;

export interface DividendWithdrawalOutcome {
  amountCents: number;
  accumulatedBeforeCents: number;
  accumulatedAfterCents: number;
}

export function checkDividendWithdrawal(
  amountCents: number,
  policy: DividendPolicy,
  product: Pick<ProductRecord, 'participating'>,
): RuleResult<DividendWithdrawalOutcome> {
  const unavailable = participatingProblem(policy, product);
  if (unavailable) return refuse([{ field: 'amountCents', message: unavailable }]);
  const accumulated = policy.accumulatedDividendsCents ?? 0;
  if (accumulated <= 0) return refuse([{ field: 'amountCents', message: '保单暂无可领取的红利' }]);
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    return refuse([{ field: 'amountCents', message: '请输入领取金额（精确到分）' }]);
  if (amountCents > accumulated)
    return refuse([{ field: 'amountCents', message: `领取金额不能超过累积红利 ${formatYuan(accumulated)}` }]);
  return accept({
    amountCents,
    accumulatedBeforeCents: accumulated,
    accumulatedAfterCents: accumulated - amountCents,
  });
}

export interface DividendOptionChangeOutcome {
  before: DividendOption | null;
  after: DividendOption;
  beforeLabel: string | null;
  afterLabel: string;
}

export function checkDividendOptionChange(
  requested: string,
  policy: DividendPolicy,
  product: Pick<ProductRecord, 'participating'>,
): RuleResult<DividendOptionChangeOutcome> {
  const unavailable = participatingProblem(policy, product);
  if (unavailable) return refuse([{ field: 'dividendOption', message: unavailable }]);
  if (!isDividendOption(requested))
    return refuse([
      {
        field: 'dividendOption',
        message: `请选择红利领取方式：${DIVIDEND_OPTIONS.map((o) => DIVIDEND_OPTION_LABELS[o]).join('、')}`,
      },
    ]);
  if (requested === policy.dividendOption)
    return refuse([
      { field: 'dividendOption', message: `当前已是“${DIVIDEND_OPTION_LABELS[requested]}”，请选择其他方式` },
    ]);
  return accept({
    before: policy.dividendOption,
    after: requested,
    beforeLabel: policy.dividendOption ? DIVIDEND_OPTION_LABELS[policy.dividendOption] : null,
    afterLabel: DIVIDEND_OPTION_LABELS[requested],
  });
}

function isDividendOption(value: string): value is DividendOption {
  return (DIVIDEND_OPTIONS as readonly string[]).includes(value);
}

function participatingProblem(
  policy: DividendPolicy,
  product: Pick<ProductRecord, 'participating'>,
): string | null {
  if (!product.participating) return '该保单不是分红型保单，没有红利';
  if (policy.status !== 'in_force') return '保单当前不是有效状态';
  return null;
}
