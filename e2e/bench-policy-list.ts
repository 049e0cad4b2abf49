/// <reference lib="dom" />
import { launchChromium, PHONE_VIEWPORT } from './support/browser';
import { agreeToPrivacyGuide, signInAsDemoUser } from './support/journey-steps';
import { serveJourneyApp, startSeededStack } from './support/stack';

/**
 * Time from navigation start to the policy list rendered (first policy card in the DOM), in
 * Chromium with the CPU slowed 4× (CDP) to stand in for a mid-range phone. Each run uses a fresh
 * browser context (cold HTTP cache) signed in as the same demo customer. Prints every run and the
 * median of RUNS (default 5). Needs the production H5 build: npm run build:h5 -w miniprogram.
 */
const RUNS = Number(process.env.RUNS ?? 5);
const CPU_SLOWDOWN = 4;

// The whole local stage in this process: the seeded data and the app over it.
const seeded = await startSeededStack(Date.now());
const stack = await serveJourneyApp();
const browser = await launchChromium();
try {
  const signIn = await browser.newContext({ viewport: PHONE_VIEWPORT });
  const signInPage = await signIn.newPage();
  await agreeToPrivacyGuide(signInPage, stack.appUrl);
  await signInAsDemoUser(signInPage, 'demo-customer-c001');
  const storageState = await signIn.storageState();
  await signIn.close();

  /**
   * Milliseconds from navigation start until `selector` is attached, in the page's own clock, with
   * the CPU slowed down. A fresh context each time: cold HTTP cache, same signed-in storage.
   */
  async function timeTo(path: string, selector: string): Promise<number> {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, storageState });
    await context.addInitScript((watched: string) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(watched)) {
          (window as unknown as { __renderedAt: number }).__renderedAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }, selector);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${stack.appUrl}${path}`);
    await page.waitForFunction(() => (window as unknown as { __renderedAt?: number }).__renderedAt, null, {
      timeout: 60_000,
    });
    const ms = await page.evaluate(() => (window as unknown as { __renderedAt: number }).__renderedAt);
    await context.close();
    return ms;
  }

  // Baseline in the same run: the privacy guide, a page of the same app that needs no API call,
  // so the ratio is what fetching and rendering the policy list adds to the app's own start.
  const list: number[] = [];
  const shell: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    shell.push(await timeTo('/pages/privacy/index', '.zx-privacy__agree'));
    list.push(await timeTo('/pages/policies/index', '[data-testid="policy-card"]'));
    console.log(
      `run ${run + 1}: policy list ${list.at(-1)?.toFixed(0)} ms, privacy page ${shell.at(-1)?.toFixed(0)} ms`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  console.log(
    `navigation → policy list rendered, CPU ${CPU_SLOWDOWN}× slower, median of ${RUNS}: ${median(list).toFixed(0)} ms ` +
      `(min ${Math.min(...list).toFixed(0)}, max ${Math.max(...list).toFixed(0)}); ` +
      `baseline privacy page ${median(shell).toFixed(0)} ms; ratio ${(median(list) / median(shell)).toFixed(2)}×`,
  );
} finally {
  await browser.close();
  await stack.close();
  await seeded.stop();
}
