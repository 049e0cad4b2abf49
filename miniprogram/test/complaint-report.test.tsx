import { fireEvent, render } from '@testing-library/react';
import type { ComplaintReport } from '@zhixiang/shared/complaints/report';
import { describe, expect, it, vi } from 'vitest';

// jsdom has no canvas: the chart is a placeholder that shows what it was given.
vi.mock('../src/packages/standards/f2-chart', () => ({
  F2Chart: ({ id }: { id: string }) => <div data-testid={id} />,
}));

const { ReportView } = await import('../src/packages/standards/complaint-report/report-view');
const { PeriodCard } = await import('../src/packages/standards/complaint-report/period-card');

const report: ComplaintReport = {
  from: '2026-10-27',
  to: '2026-11-25',
  branchPath: 'HQ/SH',
  generatedAt: '2026-11-25T02:00:00.000Z',
  policiesCountedAt: '2026-11-24T18:00:00.000Z',
  totals: { complaints: 3, policies: 25_000, perTenThousand: 1.2 },
  branches: [
    {
      branchPath: 'HQ/SH/SH-PD',
      branchName: '浦东中心支公司',
      policies: 20_000,
      complaints: 2,
      perTenThousand: 1,
      byCategory: [
        { category: 'claims', label: '理赔', complaints: 1, perTenThousand: 0.5 },
        { category: 'service_attitude', label: '服务态度', complaints: 1, perTenThousand: 0.5 },
      ],
    },
  ],
  clocks: [
    {
      clock: 'external_response',
      label: '外部答复（1个工作日）',
      cases: 3,
      met: 2,
      breached: 1,
      open: 0,
      calendarMissing: 0,
      attainmentBasisPoints: 6667,
    },
  ],
  repeats: { complaints: 1, shareBasisPoints: 3333 },
  satisfaction: { rated: 2, average: 3.5, low: 1, lowShareBasisPoints: 5000 },
  rectifications: {
    open: 2,
    overdue: 1,
    branches: [{ branchPath: 'HQ/SH/SH-PD', branchName: '浦东中心支公司', open: 2, overdue: 1 }],
  },
};

describe('投诉报表', () => {
  it('shows the figures, both charts and the tables', async () => {
    const { getByTestId, container } = render(<ReportView report={report} />);
    expect(getByTestId('complaint-rate-chart')).toBeTruthy();
    expect(getByTestId('complaint-clock-chart')).toBeTruthy();
    const text = container.textContent ?? '';
    expect(text).toContain('投诉 3 件 · 有效保单 25000 张 · 万张保单投诉量 1.20');
    expect(text).toContain('浦东中心支公司2 件 · 万张 1.00');
    expect(text).toContain('· 理赔1 件 · 万张 0.50');
    expect(text).toContain('66.67%（按时 2，超时 1，进行中 0）');
    expect(text).toContain('1 件（33.33%）');
    expect(text).toContain('平均 3.50');
    expect(text).toContain('共 2 项，其中逾期 1 项');
    expect(text).toContain('复制 CSV');
  });

  it('says when the policies were never counted, and draws no empty chart', () => {
    const { container, queryByTestId } = render(
      <ReportView
        report={{
          ...report,
          policiesCountedAt: null,
          totals: { ...report.totals, policies: null, perTenThousand: null },
          branches: report.branches.map((b) => ({ ...b, policies: null, perTenThousand: null })),
        }}
      />,
    );
    expect(container.textContent).toContain('尚未统计有效保单数');
    expect(container.textContent).toContain('该期间暂无数据');
    expect(queryByTestId('complaint-rate-chart')).toBeNull();
  });

  it('picks a quick period ending today', () => {
    const onChange = vi.fn();
    const { getByTestId } = render(
      <PeriodCard period={{ from: '2026-10-27', to: '2026-11-25' }} today="2026-11-25" onChange={onChange} />,
    );
    expect(getByTestId('report-period-days30').className).toContain('--selected');
    fireEvent.click(getByTestId('report-period-days90'));
    expect(onChange).toHaveBeenCalledWith({ from: '2026-08-28', to: '2026-11-25' });
    fireEvent.click(getByTestId('report-period-year'));
    expect(onChange).toHaveBeenLastCalledWith({ from: '2025-11-26', to: '2026-11-25' });
  });
});
