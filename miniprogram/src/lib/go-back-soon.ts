import Taro from '@tarojs/taro';

/** How long a success stays on screen before the page returns to its caller by itself. */
export const GO_BACK_AFTER_MS = 1500;

/**
 * Back to the calling page after `GO_BACK_AFTER_MS` — unless the user has left this page by then
 * (tapped its own 「返回」 first): going back a second time would skip the caller's page.
 */
export function goBackSoon(): void {
  // Page objects are not stable across calls on every platform (H5 hands out new ones), so the
  // page is recognised by its depth and route.
  const here = topPage();
  setTimeout(() => {
    const now = topPage();
    if (here.depth > 1 && now.depth === here.depth && now.route === here.route) void Taro.navigateBack();
  }, GO_BACK_AFTER_MS);
}

function topPage(): { depth: number; route: string | undefined } {
  const pages = Taro.getCurrentPages();
  return { depth: pages.length, route: pages[pages.length - 1]?.route };
}
