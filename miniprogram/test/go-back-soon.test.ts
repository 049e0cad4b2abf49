import Taro from '@tarojs/taro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GO_BACK_AFTER_MS, goBackSoon } from '../src/lib/go-back-soon';

type Page = ReturnType<typeof Taro.getCurrentPages>[number];
const home = { route: 'pages/index/index' } as Page;
const caller = { route: 'packages/endorsements/apply/index' } as Page;
const verify = { route: 'packages/identity/verify/index' } as Page;

describe('going back by itself after a success', () => {
  let stack: Page[];
  let navigateBack: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers();
    stack = [home, caller, verify];
    vi.spyOn(Taro, 'getCurrentPages').mockImplementation(() => stack.map((page) => ({ ...page })));
    navigateBack = vi.fn(async () => {
      stack.pop();
      return { errMsg: 'navigateBack:ok' };
    });
    vi.spyOn(Taro, 'navigateBack').mockImplementation(navigateBack as unknown as typeof Taro.navigateBack);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('returns to the caller once the success has been shown', () => {
    goBackSoon();
    vi.advanceTimersByTime(GO_BACK_AFTER_MS - 1);
    expect(navigateBack).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(navigateBack).toHaveBeenCalledTimes(1);
    expect(stack).toEqual([home, caller]);
  });

  it('does not go back a second time when the user already tapped 返回', () => {
    goBackSoon();
    stack.pop(); // 「返回继续办理」 tapped within the delay
    vi.advanceTimersByTime(GO_BACK_AFTER_MS);
    expect(navigateBack).not.toHaveBeenCalled();
    expect(stack).toEqual([home, caller]);
  });

  it('stays on a page opened directly, with nothing to go back to', () => {
    stack = [verify];
    goBackSoon();
    vi.advanceTimersByTime(GO_BACK_AFTER_MS);
    expect(navigateBack).not.toHaveBeenCalled();
  });
});
