import Taro from '@tarojs/taro';

/** How long a success stays on screen before the page returns to its caller by itself. */
export const GO_BACK_AFTER_MS = 1500;

/**
 * Back to the calling page after `GO_BACK_AFTER_MS` — unless the user has left this page by then
 * (tapped its own 「返回」 first): going back a second time would skip the caller's page.
 */
export function goBackSoon(): void {
  const pages = Taro.getCurrentPages();
  const page = pages[pages.length - 1];
  setTimeout(() => {
    const now = Taro.getCurrentPages();
    if (now.length > 1 && now[now.length - 1] === page) void Taro.navigateBack();
  }, GO_BACK_AFTER_MS);
}
