import { render } from '@testing-library/react';
import { checkBeneficiaryChange } from '@zhixiang/shared/endorsement/beneficiary-change';
import { describe, expect, it } from 'vitest';
import { cardNumberHint, groupCardNumber } from '../src/packages/endorsements/components/bank-card-input';
import {
  type BeneficiaryDraft,
  BeneficiaryTable,
  draftsToInputs,
  orderTotals,
  splitOrderEvenly,
} from '../src/packages/endorsements/components/beneficiary-table';

const TODAY = '2026-11-25';
const row = (key: string, order: number, shareText: string, extra: Partial<BeneficiaryDraft> = {}) => ({
  key,
  name: '李娜',
  relation: '配偶',
  order,
  shareText,
  idNumber: '11010519491231002X',
  ...extra,
});
const ctx = { holderId: 'C001', insuredId: 'C001', insuredIdNumber: '', current: [], today: TODAY };

describe('beneficiary shares', () => {
  it('totals each order in basis points, never in floating point', () => {
    const rows = [row('a', 1, '33.33'), row('b', 1, '33.33'), row('c', 1, '33.34'), row('d', 2, '100')];
    expect(orderTotals(rows)).toEqual([
      { order: 1, basisPoints: 10_000 },
      { order: 2, basisPoints: 10_000 },
    ]);
  });

  it('splits an order evenly into parts that sum to exactly 100%', () => {
    const rows = splitOrderEvenly([row('a', 1, ''), row('b', 1, ''), row('c', 1, ''), row('d', 2, '7')], 1);
    expect(rows.map((r) => r.shareText)).toEqual(['33.34', '33.33', '33.33', '7']);
    expect(orderTotals(rows)[0]).toEqual({ order: 1, basisPoints: 10_000 });
  });

  it('hands the shared rule what it needs to refuse 99%', () => {
    const result = checkBeneficiaryChange(
      draftsToInputs([row('a', 1, '50'), row('b', 1, '49', { idNumber: '110105198001010016' })]),
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toContainEqual({
        field: 'beneficiaries',
        message: '第 1 顺位受益人的受益比例合计为 99%，应为 100%',
      });
  });

  it('shows each order total live, and the rule problems once the customer tried to go on', () => {
    const rows = [row('a', 1, '50'), row('b', 1, '49', { idNumber: '110105198001010016' })];
    const input = draftsToInputs(rows);
    const result = checkBeneficiaryChange(input, ctx);
    const problems = result.ok ? [] : result.problems;
    const { getAllByTestId, queryAllByTestId, rerender } = render(
      <BeneficiaryTable rows={rows} onChange={() => {}} problems={problems} showAll={false} />,
    );
    expect(getAllByTestId('share-total').map((n) => n.textContent)).toEqual([
      '第 1 顺位合计 99%（应为 100%）',
    ]);
    expect(queryAllByTestId('table-error')).toHaveLength(0);
    rerender(<BeneficiaryTable rows={rows} onChange={() => {}} problems={problems} showAll />);
    expect(getAllByTestId('table-error').map((n) => n.textContent)).toEqual([
      '第 1 顺位受益人的受益比例合计为 99%，应为 100%',
    ]);
  });

  it('marks a share that is not a percentage at its row', () => {
    const { container } = render(
      <BeneficiaryTable rows={[row('a', 1, '33.333')]} onChange={() => {}} problems={[]} showAll={false} />,
    );
    expect(container.textContent).toContain('比例最多保留两位小数');
  });
});

describe('bank card number as typed', () => {
  it('groups digits in fours', () => {
    expect(groupCardNumber('6222021234567890123')).toBe('6222 0212 3456 7890 123');
  });

  it('names the bank from the prefix and waits for the end before judging the number', () => {
    expect(cardNumberHint('622202', false)).toEqual({ bankName: '中国工商银行', message: null });
    expect(cardNumberHint('6222021234567890', false).message).toBeNull();
    expect(cardNumberHint('6222021234567890', true).message).toBe('银行卡号校验未通过，请核对后重新输入');
    expect(cardNumberHint('62220212', true).message).toBe('银行卡号应为 16–19 位数字，当前为 8 位');
  });
});
