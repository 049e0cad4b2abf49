import assert from 'node:assert/strict';
import { PRIVACY_GUIDE_VERSION } from '@zhixiang/shared/auth/schemas';
import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import type { BrowserContext, Page } from 'playwright-core';

/** First visit: the privacy guide comes before anything else; agreeing leads to the sign-in page. */
export async function agreeToPrivacyGuide(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await tapButton(page, '同意并继续');
  await page.getByTestId('demo-users').waitFor();
}

/** The local stage's demo sign-in picker. */
export async function signInAsDemoUser(page: Page, userId: string): Promise<void> {
  await page.locator(`[data-testid="demo-user"][data-user-id="${userId}"]`).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/pages/sign-in'));
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
/** What each demo user's first sign-in in this journey file left in the browser's storage. */
const storageAfterSignIn = new Map<string, StorageState>();

/**
 * Signs a demo user in on a new page, once per journey file through the privacy guide and the demo
 * sign-in picker; later journeys of the same user start from the storage that sign-in left (the
 * privacy consent and the session, valid far longer than a file runs) in their own new context, as
 * a customer reopening the mini program does. Then opens `path` if given (a path of the app, such
 * as the home page after the first sign-in); otherwise the journey opens its first page by URL.
 */
export async function signInOncePerFile(
  page: Page,
  appUrl: string,
  userId: string,
  path?: string,
): Promise<void> {
  const key = `${appUrl} ${userId}`;
  const saved = storageAfterSignIn.get(key);
  if (saved) {
    await page.context().setStorageState(saved);
  } else {
    await agreeToPrivacyGuide(page, appUrl);
    await signInAsDemoUser(page, userId);
    storageAfterSignIn.set(key, await page.context().storageState());
  }
  if (path !== undefined && page.url() !== `${appUrl}${path}`) await page.goto(`${appUrl}${path}`);
}

export async function fillInput(page: Page, placeholder: string, value: string): Promise<void> {
  const input = page.locator(`input[placeholder="${placeholder}"]`);
  await input.fill(value);
}

export async function inputValue(page: Page, placeholder: string): Promise<string> {
  return page.locator(`input[placeholder="${placeholder}"]`).inputValue();
}

/** NutUI buttons render as <taro-button-core>; tap the button itself, not its inner label. */
export async function tapButton(page: Page, text: string): Promise<void> {
  await page.locator('taro-button-core', { hasText: text }).first().click();
}

/** An access token of a seeded demo user, for the steps a journey does not click through. */
export async function demoAccessToken(apiUrl: string, userId: string): Promise<string> {
  const response = await fetch(`${apiUrl}/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, privacyConsentVersion: PRIVACY_GUIDE_VERSION }),
  });
  if (response.status !== 200) throw new Error(`demo sign-in of ${userId}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * On the identity page after the sandbox face succeeded: taps 「返回继续办理」 as soon as the success
 * shows, as a customer would, racing the page's own return 1.5 s later — which must then not go
 * back a second time (the calling page's next steps would notice). Under load the page may leave
 * first: fine.
 */
export async function returnOnceVerified(page: Page): Promise<void> {
  await page
    .getByTestId('identity-verified')
    .locator('taro-button-core', { hasText: '返回继续办理' })
    .click({ timeout: 1_000 })
    .catch(() => undefined);
}

const SIGNATURE_CANVAS = '[data-testid="signature-pad"] canvas, canvas#zx-signature-pad';

/**
 * Draws polylines on the signing screen's pad with the mouse, in pad-relative CSS pixels, once the
 * pad is ready: its canvas sized for the screen (the pad attaches after the page's first render)
 * and standing still (the page slides in).
 */
export async function drawOnSignaturePad(page: Page, strokes: Array<Array<[number, number]>>): Promise<void> {
  await page.waitForFunction((selector) => {
    const canvas = document.querySelector<HTMLCanvasElement>(selector);
    if (!canvas) return false;
    const rect = canvas.getBoundingClientRect();
    const at = `${rect.x},${rect.y},${rect.width},${rect.height}`;
    const host = window as unknown as { signaturePadWasAt?: string };
    const still = host.signaturePadWasAt === at;
    host.signaturePadWasAt = at;
    return still && rect.width > 0 && canvas.width === Math.round(rect.width * window.devicePixelRatio);
  }, SIGNATURE_CANVAS);
  const pad = page.locator(SIGNATURE_CANVAS).first();
  const box = await pad.boundingBox();
  assert.ok(box, 'the signature pad is on screen');
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    await page.mouse.move(box.x + first[0], box.y + first[1]);
    await page.mouse.down();
    // One pointer move per vertex: the pad records straight segments between them, and the
    // signature rule measures the polyline (length, span, spread), not how many points it has.
    for (const [x, y] of rest) await page.mouse.move(box.x + x, box.y + y);
    await page.mouse.up();
  }
}

/** Three strokes shaped like a handwritten name: enough for the signature-quality rule. */
export const HANDWRITTEN_NAME: Array<Array<[number, number]>> = [
  [
    [60, 40],
    [100, 36],
    [140, 34],
    [142, 70],
    [110, 80],
    [80, 90],
    [90, 130],
    [130, 134],
  ],
  [
    [170, 30],
    [176, 70],
    [180, 110],
    [184, 150],
  ],
  [
    [210, 50],
    [240, 48],
    [270, 52],
    [255, 90],
    [230, 120],
    [275, 134],
    [300, 128],
    [330, 100],
  ],
];

/**
 * docs/identity-verification.md over HTTP for a document's signer: consent, start, the sandbox's
 * answer, the result — for the purpose the document names.
 */
export async function verifyDocumentSignerOverHttp(
  apiUrl: string,
  userId: string,
  documentId: string,
): Promise<void> {
  const accessToken = await demoAccessToken(apiUrl, userId);
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const detail = await fetch(`${apiUrl}/documents/${documentId}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const { purpose } = (await detail.json()) as { purpose: string };
  await post('/identity/consent', { version: FACE_ID_CONSENT_VERSION });
  const started = await post<{ attemptId: string; verifyId: string }>('/identity/face', { purpose });
  await post(`/identity/face/sandbox/${started.verifyId}`, { outcome: 'success' });
  await post(`/identity/face/${started.attemptId}/result`, {});
}
