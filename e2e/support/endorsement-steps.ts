import assert from 'node:assert/strict';
import { luhnCheckDigit } from '@zhixiang/shared/endorsement/renewal-account-change';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { Page } from 'playwright-core';
import { readLatestSandboxCode } from '../../functions/src/platform/sms/sandbox-outbox-sms';
import { buildDemoData, DEMO_CUSTOMERS } from '../../functions/src/seed/demo-data';
import { newPhonePage, saveScreenshot } from './browser';
import {
  drawOnSignaturePad,
  fillInput,
  HANDWRITTEN_NAME,
  returnOnceVerified,
  signInOncePerFile,
  tapButton,
} from './journey-steps';
import type { E2eSession } from './session';

/**
 * Steps of the endorsement (保全) journeys: the demo's policies, customers and bank cards, the form,
 * identity through the 「模拟人脸核身」 sandbox, the signing pad, and the application page followed
 * step by step to its result.
 */

/** The demo world of the journeys' day, as seeded. */
const demo = buildDemoData(todayInShanghai());
export function policyNo(holderId: string, productCode: string): string {
  const policy = demo.policies.find((p) => p.holderId === holderId && p.productCode === productCode);
  assert.ok(policy, `demo policy ${productCode} of ${holderId}`);
  return policy.policyNo;
}
export function customer(customerId: string) {
  const found = DEMO_CUSTOMERS.find((c) => c.customerId === customerId);
  assert.ok(found, `demo customer ${customerId}`);
  return found;
}

/** A card number of the demo's first supported bank (中国工商银行, BIN 622202) that passes Luhn. */
export function icbcCard(body: string): string {
  const payload = `622202${body}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

export async function expectFieldError(page: Page, pattern: RegExp, testId = 'field-error'): Promise<void> {
  const error = page.getByTestId(testId).filter({ hasText: pattern }).first();
  await error.waitFor();
}

/**
 * The form refused: no application is being created (下一步 turns busy at once when it creates one)
 * and the page stayed.
 */
export async function expectStillOnForm(page: Page): Promise<void> {
  await page.getByTestId('form-next').filter({ hasNotText: '正在生成申请' }).waitFor();
  assert.match(page.url(), /endorsements\/apply/);
}

async function isShown(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).first().isVisible();
}

/** On the identity page (opened by the application page): consent if asked, then the sandbox face succeeds. */
export async function verifyWithSandboxFace(page: Page): Promise<void> {
  await page.waitForURL(/packages\/identity\/verify/);
  const ready = page
    .locator('[data-testid="identity-consent"], [data-testid="identity-verified"], taro-button-core')
    .filter({ hasText: /人脸及身份证件信息处理授权|身份核验已完成|开始刷脸/ })
    .first();
  await ready.waitFor();
  if (await isShown(page, 'identity-consent')) {
    await tapButton(page, '同意并继续');
    await page.locator('taro-button-core', { hasText: '开始刷脸' }).waitFor();
  }
  if (await isShown(page, 'identity-verified')) {
    await tapButton(page, '返回继续办理');
  } else {
    await tapButton(page, '开始刷脸');
    await page.getByTestId('sandbox-face').waitFor();
    await tapButton(page, '核身成功（本人）');
    await returnOnceVerified(page);
  }
  await page.waitForURL(/endorsements\/application/, { timeout: 20_000 });
}

export async function signOnPad(page: Page): Promise<void> {
  await page.waitForURL(/packages\/documents\/sign/);
  await page.getByTestId('sign-summary').waitFor();
  await drawOnSignaturePad(page, HANDWRITTEN_NAME);
  await page.getByTestId('submit-signature').click();
  await page.waitForURL(/endorsements\/application/, { timeout: 30_000 });
}

export async function statusText(page: Page): Promise<string> {
  return ((await page.getByTestId('application-status').textContent()) ?? '').trim();
}

/** What the application page shows once it knows its next step. */
const NEXT_STEP_STATES = [
  'application-error',
  'application-result',
  'insured-consent',
  'awaiting-review',
  'pay-step',
  'go-verify',
  'go-sign',
  'send-phone-code',
  'submit-application',
]
  .map((testId) => `[data-testid="${testId}"]`)
  .join(', ');

/**
 * The steps that need the journey file's session: a journey as one signed-in user (its last screen
 * saved), a form opened by URL, and an application driven to its result.
 */
export function endorsementSteps(session: E2eSession) {
  const applyUrl = (policy: string, type: string) =>
    `${session.stack.appUrl}/packages/endorsements/apply/index?policyNo=${policy}&type=${type}`;

  /** `run` opens its first page by URL, signed in (see signInOncePerFile). */
  async function journey(name: string, userId: string, run: (page: Page) => Promise<void>): Promise<void> {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await signInOncePerFile(page, session.stack.appUrl, userId);
      await run(page);
    } finally {
      await saveScreenshot(page, `endorsements-${name}`);
      await context.close();
    }
  }

  async function openForm(page: Page, policy: string, type: string): Promise<void> {
    await page.goto(applyUrl(policy, type));
    await page.getByTestId('endorsement-apply').waitFor();
  }

  /**
   * Follows the application page's next step until the result (or the review queue): identity,
   * signature, the new phone's SMS code, submission. Which steps come is the server's `nextStep`.
   */
  async function driveApplication(
    page: Page,
    until: 'result' | 'review' | 'insured-consent' | 'payment',
    newPhone?: string,
  ): Promise<{ steps: string[] }> {
    await page.waitForURL(/endorsements\/application/);
    const steps: string[] = [];
    for (let round = 0; round < 10; round++) {
      await page.getByTestId('next-step').waitFor();
      await page.locator(NEXT_STEP_STATES).filter({ visible: true }).first().waitFor();
      if (await isShown(page, 'application-error'))
        throw new Error(`refused: ${await page.getByTestId('application-error').textContent()}`);
      if (await isShown(page, 'application-result')) return { steps };
      if (until === 'insured-consent' && (await isShown(page, 'insured-consent'))) return { steps };
      if (await isShown(page, 'pay-step')) {
        assert.equal(until, 'payment', 'the application awaits its payment (待支付)');
        return { steps };
      }
      if (await isShown(page, 'awaiting-review')) {
        assert.equal(until, 'review', 'the application went to review');
        return { steps };
      }
      if (await isShown(page, 'go-verify')) {
        steps.push('identity');
        await page.getByTestId('go-verify').click();
        await verifyWithSandboxFace(page);
        await page.getByTestId('go-verify').waitFor({ state: 'detached' });
      } else if (await isShown(page, 'go-sign')) {
        steps.push('signature');
        await page.getByTestId('go-sign').click();
        await signOnPad(page);
        await page.getByTestId('go-sign').waitFor({ state: 'detached' });
      } else if (await isShown(page, 'send-phone-code')) {
        assert.ok(newPhone, 'a new phone was typed');
        steps.push('phone');
        await page.getByTestId('send-phone-code').click();
        // The countdown starts once the server has sent the code.
        await page.getByTestId('send-phone-code').filter({ hasText: '秒后可重发' }).waitFor();
        const code = await readLatestSandboxCode(session.stack.smsOutboxFile, newPhone);
        assert.ok(code, 'the code reached the new phone');
        await fillInput(page, '6 位验证码', code);
        await page.getByTestId('submit-application').click();
        await page.getByTestId('send-phone-code').waitFor({ state: 'detached' });
      } else if (await isShown(page, 'submit-application')) {
        steps.push('submit');
        await page.getByTestId('submit-application').click();
        await page
          .locator(
            '[data-testid="application-result"], [data-testid="awaiting-review"], [data-testid="pay-step"], [data-testid="application-error"]',
          )
          .first()
          .waitFor({ timeout: 30_000 });
      }
    }
    throw new Error(`the application did not finish: ${steps.join(' → ')}`);
  }

  return { journey, openForm, driveApplication };
}
