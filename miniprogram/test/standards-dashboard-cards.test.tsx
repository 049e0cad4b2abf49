import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlertRows, RatingsCard } from '../src/packages/standards/dashboard-cards';

describe('服务标准看板’s ratings and alerts', () => {
  it('shows each journey × branch’s ratings by name, or says there are none', () => {
    const { container, getAllByTestId } = render(
      <RatingsCard
        ratings={[
          {
            journey: 'claim',
            journeyLabel: '理赔',
            branchPath: 'HQ/SH/SH-PD/SH-PD-01',
            branchName: '张江营销服务部',
            count: 12,
            average: 4.25,
            low: 1,
            lowShare: 1 / 12,
          },
        ]}
      />,
    );
    expect(getAllByTestId('rating-row')).toHaveLength(1);
    expect(container.textContent).toContain('理赔 · 张江营销服务部');
    expect(container.textContent).toContain('4.25 星 · 12 条 · 低分 8.3%');
    expect(container.textContent).toContain('低分为 2 星及以下');
    expect(render(<RatingsCard ratings={[]} />).container.textContent).toContain('该期间暂无客户评价');
  });

  it('shows each alert’s level, standard and the branch it went to by name', () => {
    const { container, getAllByTestId } = render(
      <AlertRows
        alerts={[
          {
            level: 1,
            label: '超时升级',
            raisedAt: Date.parse('2026-12-01T02:00:00Z'),
            escalatedTo: 'HQ/SH/SH-PD',
            escalatedToName: '浦东中心支公司',
            standardId: 'claim_decision_time',
            standardName: '资料齐全的理赔 3 个工作日内作出理赔决定',
            caseId: 'claims:CLM-1',
            branchPath: 'HQ/SH/SH-PD/SH-PD-01',
            branchName: '张江营销服务部',
            policyNo: 'P202*********0123',
            startAt: Date.parse('2026-11-25T02:00:00Z'),
          },
        ]}
      />,
    );
    expect(getAllByTestId('standard-alert')).toHaveLength(1);
    expect(container.textContent).toContain('超时升级 · 资料齐全的理赔 3 个工作日内作出理赔决定');
    expect(container.textContent).toContain(
      'claims:CLM-1 · 保单 P202*********0123 · 张江营销服务部 → 浦东中心支公司 · 2026-12-01 10:00',
    );
    expect(render(<AlertRows alerts={[]} />).container.textContent).toContain('该期间没有发给本机构的预警');
  });
});
