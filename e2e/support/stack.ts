import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { startEphemeralStack } from '../../functions/local/ephemeral-stack';
import { startGateway } from '../../functions/local/gateway';
import { startH5Server } from '../../functions/local/h5-server';
import { repoRoot } from '../../functions/local/local-paths';
import { launchChromium } from './browser';

export const h5Dist = join(repoRoot, 'miniprogram', 'dist', 'h5');

export interface E2eStack {
  /** The H5 app, served like a CDN would (SPA fallback, /runtime-config.js). */
  appUrl: string;
  apiUrl: string;
  smsOutboxFile: string;
  close(): Promise<void>;
}

/**
 * The whole local stage on free ports for one test run: DynamoDB Local in memory, s3rver, the
 * table and bucket from serverless.yml, the demo data, the API gateway and the H5 build.
 */
export async function startE2eStack(): Promise<E2eStack> {
  if (!existsSync(join(h5Dist, 'index.html'))) {
    throw new Error('miniprogram/dist/h5 is missing: run `npm run build:h5 -w miniprogram` first');
  }
  const stack = await startEphemeralStack();
  const { env } = stack;
  const stops: Array<() => Promise<void>> = [() => stack.stop()];
  const close = async () => {
    for (const stop of stops.splice(0)) await stop().catch(() => undefined);
  };
  try {
    // The seed and the handlers read their configuration from process.env, as on Lambda.
    Object.assign(process.env, env);
    // Request lines would drown the test report; E2E_LOG=1 brings them back.
    if (!process.env.E2E_LOG) process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
    const { seedDemoData } = await import('../../functions/src/seed/seed-demo-data');
    await seedDemoData();
    const gateway = await startGateway({ port: 0, env, log: () => {} });
    stops.unshift(() => gateway.close());
    const h5 = await startH5Server({ root: h5Dist, apiPort: gateway.port });
    stops.unshift(() => h5.close());
    return {
      appUrl: h5.url,
      apiUrl: `http://localhost:${gateway.port}`,
      smsOutboxFile: env.SMS_OUTBOX_FILE ?? join(stack.dataDir, 'sms-outbox.jsonl'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface E2eSession {
  readonly stack: E2eStack;
  readonly browser: Browser;
}

/**
 * Registers the hooks every journey file needs: the stack and Chromium start before the file's
 * tests (then `prepare`, for data of the file's own) and both stop after them.
 */
export function useE2eSession(prepare?: () => Promise<void>): E2eSession {
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;
  before(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
    await prepare?.();
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the e2e session is used outside its tests');
    return value;
  };
  return {
    get stack() {
      return started(stack);
    },
    get browser() {
      return started(browser);
    },
  };
}
