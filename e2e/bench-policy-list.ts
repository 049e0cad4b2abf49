/// <reference lib="dom" />
import { launchChromium, PHONE_VIEWPORT } from './support/browser';
import { agreeToPrivacyGuide, signInAsDemoUser } from './support/journey-steps';
import { startE2eStack } from './support/stack';

/**
 * Time from navigation start to the policy list rendered (first policy card in the DOM), in
 * Chromium with the CPU slowed 4× (CDP) to stand in for a mid-range phone. Each run uses a fresh
 * browser context (cold HTTP cache) signed in as the same demo customer. Prints every run and the
 * median of RUNS (default 5). Needs the production H5 build: npm run build:h5 -w miniprogram.
 */
const RUNS = Number(process.env.RUNS ?? 5);
const CPU_SLOWDOWN = 4;

const stack = await startE2eStack();
const browser = await launchChromium();
try {
  const signIn = await browser.newContext({ viewport: PHONE_VIEWPORT });
  const signInPage = await signIn.newPage();
  await agreeToPrivacyGuide(signInPage, stack.appUrl);
  await signInAsDemoUser(signInPage, 'demo-customer-c001');
  const storageState = await signIn.storageState();
  await signIn.close();

  const timings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, storageState });
    // Records the moment the first card is attached, in the page's own clock (0 = navigation start).
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="policy-card"]')) {
          (window as unknown as { __listRenderedAt: number }).__listRenderedAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${stack.appUrl}/pages/policies/index`);
    await page.waitForFunction(
      () => (window as unknown as { __listRenderedAt?: number }).__listRenderedAt,
      null,
      {
        timeout: 60_000,
      },
    );
    const ms = await page.evaluate(
      () => (window as unknown as { __listRenderedAt: number }).__listRenderedAt,
    );
    timings.push(ms);
    console.log(`run ${run + 1}: ${ms.toFixed(0)} ms`);
    await context.close();
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  console.log(
    `navigation → policy list rendered, CPU ${CPU_SLOWDOWN}× slower, median of ${RUNS}: ${median.toFixed(0)} ms ` +
      `(min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms)`,
  );
} finally {
  await browser.close();
  await stack.close();
}
