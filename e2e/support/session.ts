import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectToChromium } from './browser';
import { type JourneyApp, serveJourneyApp } from './stack';

export interface E2eSession {
  readonly stack: JourneyApp;
  readonly browser: Browser;
}

/**
 * Registers the hooks every journey file needs: the app (gateway and H5 server over the file's own
 * data, see journey-file-setup.ts) starts and the file connects to the run's Chromium (global-setup.ts)
 * before the file's tests (then `prepare`, for data of the file's own); after them the connection
 * closes — and with it every context the file opened — and the app stops.
 */
export function useE2eSession(prepare?: () => Promise<void>): E2eSession {
  let app: JourneyApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await serveJourneyApp();
    browser = await connectToChromium(inject('chromiumEndpoint'));
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
