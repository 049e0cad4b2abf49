import type { Page } from 'playwright-core';

/** First visit: the privacy guide comes before anything else; agreeing leads to the sign-in page. */
export async function agreeToPrivacyGuide(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByText('隐私保护指引', { exact: false }).first().waitFor();
  await page.getByText('同意并继续').click();
  await page.getByTestId('demo-users').waitFor();
}

/** The local stage's demo sign-in picker. */
export async function signInAsDemoUser(page: Page, displayName: string): Promise<void> {
  await page.getByTestId('demo-user').filter({ hasText: displayName }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/pages/sign-in'));
}

export async function fillInput(page: Page, placeholder: string, value: string): Promise<void> {
  const input = page.locator(`input[placeholder="${placeholder}"]`);
  await input.fill(value);
}

export async function inputValue(page: Page, placeholder: string): Promise<string> {
  return page.locator(`input[placeholder="${placeholder}"]`).inputValue();
}
