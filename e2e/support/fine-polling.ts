import type { Locator, Page } from 'playwright-core';

/**
 * Playwright checks a locator that is being waited for (`waitFor`, and the element an action such
 * as `click` waits for) 0, 20, 50, 100 and 100 ms apart, then every 500 ms, leaving out the steps
 * longer than a fifth of the timeout. With the journeys' 15 s timeout a screen that takes 300 ms to
 * appear (a page sliding back, a reload, an API's answer) is seen up to half a second late, and
 * journeys wait like that at almost every step.
 *
 * So journeys wait in slices of at most `SLICE_MS` — checked at most 100 ms apart — until their
 * whole timeout: the same condition and the same timeout, seen as soon as it holds. `click` and
 * `fill` first wait that way for their element to be visible, which they would wait for anyway,
 * then act as before. Installed once per journey process, by `newPhonePage`.
 */
const SLICE_MS = 2_000;

type WaitOptions = NonNullable<Parameters<Locator['waitFor']>[0]>;
type ActionOptions = { timeout?: number; force?: boolean; trial?: boolean };

let installed = false;

export function waitForLocatorsFinely(page: Page, defaultTimeoutMs: number): void {
  if (installed) return;
  installed = true;
  const prototype = Object.getPrototypeOf(page.locator('html')) as Locator;
  const waitFor = prototype.waitFor;
  prototype.waitFor = async function waitFinely(this: Locator, options: WaitOptions = {}): Promise<void> {
    const timeout = options.timeout ?? defaultTimeoutMs;
    // 0 is Playwright's "no timeout": nothing to slice.
    if (timeout === 0) return waitFor.call(this, options);
    const deadline = Date.now() + timeout;
    for (;;) {
      const left = deadline - Date.now();
      try {
        return await waitFor.call(this, { ...options, timeout: Math.max(1, Math.min(SLICE_MS, left)) });
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
        if (left <= SLICE_MS) {
          error.message = error.message.replace(/Timeout \d+ms exceeded/, `Timeout ${timeout}ms exceeded`);
          throw error;
        }
      }
    }
  };
  for (const action of ['click', 'fill'] as const) {
    const act = prototype[action] as (this: Locator, ...args: unknown[]) => Promise<void>;
    const actFinely = async function (this: Locator, ...args: unknown[]): Promise<void> {
      const options = (action === 'click' ? args[0] : args[1]) as ActionOptions | undefined;
      if (!options?.force && !options?.trial)
        await this.waitFor({
          state: 'visible',
          ...(options?.timeout === undefined ? {} : { timeout: options.timeout }),
        });
      return act.apply(this, args);
    };
    Object.assign(prototype, { [action]: actFinely });
  }
}
