import { act, render, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HighlightedName, highlightRuns } from '../src/packages/products/components/highlighted-name';
import { useDebounced } from '../src/packages/products/components/use-debounced';

describe('highlighted product names', () => {
  it('splits a name into plain and matched runs', () => {
    expect(highlightRuns('金佑福重大疾病保险', [{ start: 0, end: 3 }])).toEqual([
      { text: '金佑福', matched: true },
      { text: '重大疾病保险', matched: false },
    ]);
    expect(highlightRuns('鑫享人生终身寿险(分红型)', [{ start: 9, end: 12 }])).toEqual([
      { text: '鑫享人生终身寿险(', matched: false },
      { text: '分红型', matched: true },
      { text: ')', matched: false },
    ]);
  });

  it('ignores ranges outside the name or overlapping an earlier one', () => {
    expect(
      highlightRuns('安享颐年', [
        { start: 2, end: 9 },
        { start: 1, end: 3 },
      ]),
    ).toEqual([
      { text: '安', matched: false },
      { text: '享颐年', matched: true },
    ]);
    expect(highlightRuns('安享颐年', [])).toEqual([{ text: '安享颐年', matched: false }]);
  });

  it('marks the matched characters in the rendered name', () => {
    const { getAllByTestId, container } = render(
      <HighlightedName name="金佑福重大疾病保险" highlights={[{ start: 0, end: 3 }]} />,
    );
    expect(getAllByTestId('match').map((node) => node.textContent)).toEqual(['金佑福']);
    expect(container.textContent).toBe('金佑福重大疾病保险');
  });
});

describe('debounced typing', () => {
  it('settles on the last value once typing pauses', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value }) => useDebounced(value, 250), {
      initialProps: { value: 'j' },
    });
    rerender({ value: 'jy' });
    rerender({ value: 'jyf' });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe('j');
    act(() => vi.advanceTimersByTime(60));
    expect(result.current).toBe('jyf');
    vi.useRealTimers();
  });
});
