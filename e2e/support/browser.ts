import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserServer, chromium, type Page } from 'playwright-core';
import { repoRoot } from '../../functions/local/local-paths';
import { clockShiftOfThisProcess, shiftGlobalDate } from './clock';
import { waitForLocatorsFinely } from './fine-polling';

/** Screenshots of each journey's last screen (git-ignored). */
export const artifactsDir = join(repoRoot, 'e2e', 'artifacts');

/** Debian's Chromium; `npx playwright install` cannot download browsers on this network. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** How long a journey's page waits for anything it is not told otherwise. */
const PAGE_TIMEOUT_MS = 15_000;
/** An iPhone X-sized screen: the app is designed for 375 px wide phones. */
export const PHONE_VIEWPORT = { width: 375, height: 812 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * The run's one Chromium (the journeys' global setup): every journey file connects to it
 * (`connectToChromium`) and works in browser contexts of its own, which share no cookies, storage
 * or pages, instead of starting a Chromium per file.
 */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** This process's connection to the run's Chromium; closing it closes the contexts it opened. */
export function connectToChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

/**
 * A Chromium whose camera plays `y4mFile` in a loop (a raw YUV 4:2:0 video, see `y4mStill`) and
 * grants camera access without asking: a phone held up to whatever the file shows.
 */
export function launchChromiumWithCamera(y4mFile: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${y4mFile}`,
    ],
    headless: true,
  });
}

/** One still frame as a Y4M video: `luma` is width × height bytes, the picture has no colour. */
export function y4mStill(width: number, height: number, luma: Uint8Array): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([header, Buffer.from(luma), chroma]);
}

/** A PC's window, where call-centre and review staff work: consoles lay out list + detail side by side. */
export const DESK_VIEWPORT = { width: 1280, height: 800 };

export async function newPhonePage(
  browser: Browser,
  viewport: { width: number; height: number } = PHONE_VIEWPORT,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: viewport === PHONE_VIEWPORT ? 2 : 1,
    locale: 'zh-CN',
    hasTouch: viewport === PHONE_VIEWPORT,
  });
  // The page reads the same clock as the journey and the handlers it calls.
  await context.addInitScript(shiftGlobalDate, clockShiftOfThisProcess());
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  waitForLocatorsFinely(page, PAGE_TIMEOUT_MS);
  return { context, page };
}

/**
 * One journey on a page of its own: `run` drives it, its last screen is saved as `name` (a failure
 * saves the screen it failed on), and the page is closed either way.
 */
export async function onPhonePage(
  browser: Browser,
  name: string,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const { context, page } = await newPhonePage(browser);
  try {
    await run(page);
    await saveScreenshot(page, name);
  } catch (error) {
    await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  // Taro's H5 router slides pages in: wait for the transition to end so the shot shows the page.
  await page
    .waitForFunction(
      () => document.getAnimations().every((animation) => animation.playState !== 'running'),
      null,
      {
        timeout: 3000,
      },
    )
    .catch(() => undefined);
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
