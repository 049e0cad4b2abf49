import Taro from '@tarojs/taro';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/services/request';

const listPendingRatings = vi.fn();
const rateJourney = vi.fn();
vi.mock('../src/services/api', () => ({
  api: {
    listPendingRatings: (...args: unknown[]) => listPendingRatings(...args),
    rateJourney: (...args: unknown[]) => rateJourney(...args),
  },
}));
let role = 'customer';
vi.mock('../src/lib/session', () => ({ getSession: () => ({ me: { role } }) }));

const { JourneyRating } = await import('../src/components/journey-rating');
const waiting = {
  journey: 'endorsement',
  subjectId: 'EA20261125RATE01',
  title: '保全变更 · 保单贷款',
  endedAt: '2026-11-25T01:00:00.000Z',
};

function type(element: HTMLElement, value: string) {
  act(() => {
    element.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

describe('服务评价', () => {
  beforeEach(() => {
    Taro.clearStorageSync();
    listPendingRatings.mockReset();
    rateJourney.mockReset();
    role = 'customer';
  });

  it('asks only while the server lists the journey as waiting', async () => {
    listPendingRatings.mockResolvedValue({ pending: [{ ...waiting, subjectId: 'EA20261125OTHER1' }] });
    const { container } = render(<JourneyRating journey="endorsement" subjectId="EA20261125RATE01" />);
    await waitFor(() => expect(listPendingRatings).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });

  it('sends the stars tapped with the words typed, and thanks', async () => {
    listPendingRatings.mockResolvedValue({ pending: [waiting] });
    rateJourney.mockResolvedValue({});
    const { findByTestId, getByTestId, container } = render(
      <JourneyRating journey="endorsement" subjectId="EA20261125RATE01" />,
    );
    expect((await findByTestId('journey-rating')).textContent).toContain('保全变更 · 保单贷款');
    type(getByTestId('journey-rating-comment'), '  办理有点慢 ');
    fireEvent.click(getByTestId('journey-rate-2'));
    await findByTestId('journey-rated');
    expect(rateJourney).toHaveBeenCalledWith(
      { journey: 'endorsement', subjectId: 'EA20261125RATE01', score: 2, comment: '办理有点慢' },
      { silent: true },
    );
    expect(container.textContent).toContain('★★');
  });

  it('keeps the words when the server refuses, and says why', async () => {
    listPendingRatings.mockResolvedValue({ pending: [waiting] });
    rateJourney.mockRejectedValue(
      new ApiError('RATE_LIMITED', '今天的评价次数已达上限（10 次），请明天再试', 429),
    );
    const { findByTestId, getByTestId } = render(
      <JourneyRating journey="endorsement" subjectId="EA20261125RATE01" />,
    );
    await findByTestId('journey-rating');
    type(getByTestId('journey-rating-comment'), '客服很耐心');
    fireEvent.click(getByTestId('journey-rate-5'));
    expect((await findByTestId('journey-rating-error')).textContent).toContain('评价次数已达上限');
    expect((getByTestId('journey-rating-comment') as HTMLTextAreaElement).value).toBe('客服很耐心');
  });

  it('is dismissed on this phone, and never asks someone who is not a customer', async () => {
    listPendingRatings.mockResolvedValue({ pending: [waiting] });
    const first = render(<JourneyRating journey="endorsement" subjectId="EA20261125RATE01" />);
    fireEvent.click(await first.findByTestId('journey-rating-dismiss'));
    expect(first.container.textContent).toBe('');
    first.unmount();
    listPendingRatings.mockClear();
    render(<JourneyRating journey="endorsement" subjectId="EA20261125RATE01" />);
    role = 'agent';
    render(<JourneyRating journey="callback" subjectId="8831010000001" />);
    expect(listPendingRatings).not.toHaveBeenCalled();
  });
});
