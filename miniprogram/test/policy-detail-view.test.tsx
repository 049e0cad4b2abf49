import { render } from '@testing-library/react';
import type { PolicyDetail } from '@zhixiang/shared/policy/schemas';
import { describe, expect, it } from 'vitest';
import { PolicyDetailView } from '../src/components/policy-detail-view';

const policy: PolicyDetail = {
  policyNo: 'P2026000001',
  productCode: 'HX-PAR-01',
  productName: '示例鸿祥两全保险（分红型）',
  productKind: 'participating_life',
  status: 'in_force',
  holderName: '张三',
  insuredName: '李四',
  viewerRole: 'holder',
  sumAssuredCents: 50_000_000,
  premiumCents: 1_234_56,
  premiumFrequency: 'annual',
  nextDueDate: '2027-03-01',
  coolingOffEndDate: '2026-12-05',
  inCoolingOff: true,
  effectiveDate: '2026-11-20',
  receiptDate: '2026-11-20',
  holder: { customerId: 'c1', name: '张三', idNumberMasked: '1101**********002X' },
  insured: { customerId: 'c2', name: '李四', idNumberMasked: '3101**********0018' },
  beneficiaries: [
    {
      name: '王五',
      relation: '子女',
      order: 1,
      shareBasisPoints: 6000,
      idNumberMasked: '3101**********0026',
    },
    {
      name: '赵六',
      relation: '配偶',
      order: 1,
      shareBasisPoints: 4000,
      idNumberMasked: '3101**********0034',
    },
  ],
  nextDueAmountCents: 1_234_56,
  renewalAccount: { bankName: '示例银行', accountMasked: '**** **** **** 1234' },
  cashValueCents: 987_654_32,
  accumulatedDividendsCents: 12_345_67,
  dividendOption: 'accumulate',
  loan: {
    principalCents: 2_000_000,
    accruedInterestCents: 4_167,
    annualRateBasisPoints: 500,
    startDate: '2026-09-01',
    dueDate: '2027-03-01',
  },
  loanQuota: { quotaCents: 76_812_345, unavailableReason: null },
  branchName: '上海分公司',
  agentName: '周业务',
};

describe('policy detail', () => {
  it('formats amounts as yuan and dates in Chinese', () => {
    const { container, getByTestId } = render(<PolicyDetailView policy={policy} />);
    expect(getByTestId('sum-assured').textContent).toContain('¥500,000.00');
    expect(getByTestId('loan-quota').textContent).toContain('¥768,123.45');
    expect(getByTestId('premium').textContent).toContain('¥1,234.56');
    expect(getByTestId('cash-value').textContent).toContain('¥987,654.32');
    expect(container.textContent).toContain('2026年11月20日');
    expect(container.textContent).toContain('2027年03月01日');
  });

  it('shows the cooling-off end while it runs, and not after', () => {
    const { getByTestId, queryByTestId, rerender } = render(<PolicyDetailView policy={policy} />);
    expect(getByTestId('cooling-off').textContent).toContain('2026年12月05日前可全额退保');
    rerender(<PolicyDetailView policy={{ ...policy, inCoolingOff: false }} />);
    expect(queryByTestId('cooling-off')).toBeNull();
  });

  it('shows the loan and the dividends where present', () => {
    const { getByTestId, queryByTestId, container, rerender } = render(<PolicyDetailView policy={policy} />);
    expect(getByTestId('loan-principal').textContent).toContain('¥20,000.00');
    expect(container.textContent).toContain('¥41.67');
    expect(container.textContent).toContain('5.00%');
    expect(getByTestId('dividend-amount').textContent).toContain('¥12,345.67');
    expect(container.textContent).toContain('累积生息');

    rerender(
      <PolicyDetailView
        policy={{
          ...policy,
          loan: null,
          accumulatedDividendsCents: null,
          dividendOption: null,
          loanQuota: { quotaCents: 0, unavailableReason: '该产品不支持保单贷款' },
        }}
      />,
    );
    expect(queryByTestId('loan')).toBeNull();
    expect(getByTestId('loan-quota').textContent).toContain('暂不可贷（该产品不支持保单贷款）');
    expect(queryByTestId('dividends')).toBeNull();
  });

  it('shows identity numbers only as masked by the API, with shares and orders', () => {
    const { container } = render(<PolicyDetailView policy={policy} />);
    expect(container.textContent).toContain('1101**********002X');
    expect(container.textContent).toContain('第1顺位 · 子女');
    expect(container.textContent).toContain('60.00%');
    expect(container.textContent).toContain('示例银行 **** **** **** 1234');
    expect(container.textContent).not.toMatch(/\d{17}[\dX]/);
  });
});

describe('PolicyDetailView: the next scheduled benefit', () => {
  it('shows the next survival or maturity benefit with its amount and day, and nothing without one', () => {
    const { getByTestId, unmount } = render(
      <PolicyDetailView
        policy={{ ...policy, nextBenefit: { date: '2026-12-07', kind: 'survival', amountCents: 3_000_000 } }}
      />,
    );
    expect(getByTestId('next-benefit').textContent).toContain('下次生存金');
    expect(getByTestId('next-benefit').textContent).toContain('¥30,000.00（2026年12月07日给付）');
    unmount();
    const without = render(<PolicyDetailView policy={policy} />);
    expect(without.queryByTestId('next-benefit')).toBeNull();
  });
});
