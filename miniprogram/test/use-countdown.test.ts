import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCountdown } from '../src/hooks/use-countdown';

describe('useCountdown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts 60 seconds down to zero and then stops', () => {
    const { result } = renderHook(() => useCountdown());
    expect(result.current.secondsLeft).toBe(0);

    act(() => result.current.start(60));
    expect(result.current.secondsLeft).toBe(60);

    act(() => vi.advanceTimersByTime(1000));
    expect(result.current.secondsLeft).toBe(59);

    act(() => vi.advanceTimersByTime(58_000));
    expect(result.current.secondsLeft).toBe(1);

    act(() => vi.advanceTimersByTime(1000));
    expect(result.current.secondsLeft).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('restarts from the full time when started again', () => {
    const { result } = renderHook(() => useCountdown());
    act(() => result.current.start(60));
    act(() => vi.advanceTimersByTime(30_000));
    act(() => result.current.start(60));
    expect(result.current.secondsLeft).toBe(60);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stops its timer when the page goes away', () => {
    const { result, unmount } = renderHook(() => useCountdown());
    act(() => result.current.start(60));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
