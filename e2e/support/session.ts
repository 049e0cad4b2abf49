import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { type JourneyApp, serveJourneyApp } from './stack';

export interface E2eSession {
  readonly stack: JourneyApp;
  readonly browser: Browser;
}

/**
 * Registers the hooks every journey file needs: the app (gateway and H5 server over the file's own
 * data, see journey-file-setup.ts) and Chromium start before the file's tests (then `prepare`, for
 * data of the file's own) and both stop after them.
 */
export function useE2eSession(prepare?: () => Promise<void>): E2eSession {
  let app: JourneyApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await serveJourneyApp();
    browser = await launchChromium();
    await prepare?.();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the e2e session is used outside its tests');
    return value;
  };
  return {
    get stack() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
  };
}
