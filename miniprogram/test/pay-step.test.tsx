import { fireEvent, render, waitFor } from '@testing-library/react';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const createRepaymentDebit = vi.fn();
const createRepaymentPayment = vi.fn();
const settleSandboxDebit = vi.fn();
vi.mock('../src/services/api', () => ({
  api: {
    createRepaymentDebit: (...args: unknown[]) => createRepaymentDebit(...args),
    createRepaymentPayment: (...args: unknown[]) => createRepaymentPayment(...args),
    settleSandboxDebit: (...args: unknown[]) => settleSandboxDebit(...args),
  },
}));
vi.mock('../src/lib/session', () => ({ getSession: () => ({ me: { customerId: 'C002' } }) }));

const { PayStep } = await import('../src/packages/endorsements/application/pay-step');

type Payment = NonNullable<EndorsementApplication['payment']>;
const application = (payment: Partial<Payment>, actions: Partial<EndorsementApplication['actions']> = {}) =>
  ({
    applicationId: 'EA20261206ABCDEF',
    holder: { customerId: 'C002', name: '李娜' },
    payment: {
      amountCents: 500_000,
      openOrderNo: null,
      paidAt: null,
      transactionId: null,
      debitAccount: { bankName: '中国建设银行', accountMasked: '**** **** **** 4567' },
      paidBy: null,
      debit: null,
      ...payment,
    },
    actions: { canPay: true, canDebit: true, ...actions },
  }) as unknown as EndorsementApplication;

const debitView = (status: 'pending' | 'failed', failureReason: string | null = null) => ({
  reference: 'RD20261206ABCDEFGHJKLM',
  amountCents: 500_000,
  status,
  statusLabel: status === 'pending' ? '扣款中' : '扣款失败',
  bankName: '中国建设银行',
  accountMasked: '**** **** **** 4567',
  requestedAt: '2026-12-06T02:00:00.000Z',
  failureReason,
  sandbox: true,
});

const act = async (work: () => Promise<unknown>) => {
  await work();
};

describe('还款方式: 微信支付 or 续期账户扣款', () => {
  beforeEach(() => {
    createRepaymentDebit.mockReset();
    createRepaymentPayment.mockReset();
    settleSandboxDebit.mockReset();
  });

  it('offers the renewal account, masked, with the expected timing, and debits it on confirmation', async () => {
    createRepaymentDebit.mockResolvedValue(debitView('pending'));
    const { getByTestId, container } = render(
      <PayStep application={application({})} act={act} busy={false} />,
    );
    expect(getByTestId('channel-wechat').textContent).toContain('微信支付');
    const option = getByTestId('channel-debit');
    expect(option.textContent).toContain('中国建设银行 **** **** **** 4567');
    expect(option.textContent).toContain('1 个工作日内');
    expect(container.textContent).not.toContain('6217');
    // WeChat Pay is the default; choosing the debit changes the one button.
    expect(getByTestId('pay').textContent).toContain('微信支付 ¥5,000.00');
    fireEvent.click(option);
    fireEvent.click(getByTestId('debit'));
    await waitFor(() =>
      expect(createRepaymentDebit).toHaveBeenCalledWith('EA20261206ABCDEF', { silent: true }),
    );
    expect(createRepaymentPayment).not.toHaveBeenCalled();
  });

  it('offers WeChat Pay only when the policy has no renewal account', () => {
    const { queryByTestId, getByTestId } = render(
      <PayStep
        application={application({ debitAccount: null }, { canDebit: false })}
        act={act}
        busy={false}
      />,
    );
    expect(queryByTestId('channel-debit')).toBeNull();
    expect(getByTestId('pay')).toBeTruthy();
  });

  it('shows 扣款中 while the debit is in progress, and the local sandbox succeeds or fails it', async () => {
    settleSandboxDebit.mockResolvedValue({ reference: 'RD20261206ABCDEFGHJKLM', status: 'failed' });
    const { getByTestId, queryByTestId } = render(
      <PayStep
        application={application({ debit: debitView('pending') }, { canPay: false, canDebit: false })}
        act={act}
        busy={false}
      />,
    );
    expect(getByTestId('debit-status').textContent).toBe('扣款中');
    expect(queryByTestId('pay')).toBeNull();
    expect(getByTestId('billing-sandbox').textContent).toContain('本地测试环境');
    fireEvent.click(getByTestId('billing-sandbox-failure'));
    await waitFor(() =>
      expect(settleSandboxDebit).toHaveBeenCalledWith(
        'RD20261206ABCDEFGHJKLM',
        { outcome: 'failure' },
        { silent: true },
      ),
    );
  });

  it('offers WeChat Pay first once the debit in progress has failed', async () => {
    const { getByTestId, rerender } = render(
      <PayStep application={application({})} act={act} busy={false} />,
    );
    fireEvent.click(getByTestId('channel-debit'));
    expect(getByTestId('debit')).toBeTruthy();
    rerender(
      <PayStep
        application={application({ debit: debitView('pending') }, { canPay: false, canDebit: false })}
        act={act}
        busy={false}
      />,
    );
    rerender(
      <PayStep
        application={application({ debit: debitView('failed', '余额不足') })}
        act={act}
        busy={false}
      />,
    );
    await waitFor(() => expect(getByTestId('pay').textContent).toContain('微信支付'));
  });

  it('says why a debit failed and lets the customer pay by WeChat Pay instead', () => {
    const { getByTestId } = render(
      <PayStep
        application={application({ debit: debitView('failed', '余额不足') })}
        act={act}
        busy={false}
      />,
    );
    expect(getByTestId('debit-failure').textContent).toContain('续期账户扣款失败：余额不足');
    expect(getByTestId('debit-failure').textContent).toContain('可改用微信支付');
    expect(getByTestId('pay').textContent).toContain('微信支付');
  });

  it('shows progress while the debit is being requested', () => {
    const { getByTestId } = render(<PayStep application={application({})} act={act} busy={true} />);
    fireEvent.click(getByTestId('channel-debit'));
    expect(getByTestId('debit').textContent).toContain('正在发起扣款');
  });
});
