import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { readLatestSandboxCode } from '../functions/src/platform/sms/sandbox-outbox-sms';
import { DEMO_BINDING_CUSTOMER } from '../functions/src/seed/seed-demo-data';
import { newPhonePage, saveScreenshot } from './support/browser';
import {
  agreeToPrivacyGuide,
  demoAccessToken,
  fillInput,
  inputValue,
  signInAsDemoUser,
  tapButton,
} from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Browser journeys against the H5 build and the local stack (DynamoDB Local, s3rver, the API
 * gateway, demo data), in Debian Chromium at 375 × 812. Each journey saves its last screen.
 */
const session = useE2eSession();

const apiSignIn = (userId: string) => demoAccessToken(session.stack.apiUrl, userId);

async function apiPolicyNumbers(token: string): Promise<string[]> {
  const response = await fetch(`${session.stack.apiUrl}/me/policies`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { policies: Array<{ policyNo: string }> }).policies.map(
    (p) => p.policyNo,
  );
}

describe('browser journeys', () => {
  it('a new customer agrees to privacy, signs in, binds identity after a wrong code, and opens a policy', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-unbound');

      await page.getByTestId('entry-bind').click();
      await page.locator('input[placeholder="请输入姓名"]').waitFor();
      await fillInput(page, '请输入姓名', DEMO_BINDING_CUSTOMER.name);
      await fillInput(page, '请输入 18 位身份证号码', DEMO_BINDING_CUSTOMER.idNumber);
      await fillInput(page, '投保时登记的手机号码', DEMO_BINDING_CUSTOMER.phone);
      // The greyed-out button says what is still missing.
      assert.equal(
        (await page.getByTestId('send-code-reason').textContent())?.trim(),
        '请先勾选下方的同意声明后即可获取验证码',
      );
      await page.getByTestId('sensitive-consent').click();
      await tapButton(page, '获取验证码');
      await page.getByText('验证码已发送至').waitFor();
      await page.getByText(/\d+ 秒后重发/).waitFor();

      const code = await readLatestSandboxCode(session.stack.smsOutboxFile, DEMO_BINDING_CUSTOMER.phone);
      assert.ok(code, 'the sandbox outbox holds the code');
      const wrongCode = code === '000000' ? '111111' : '000000';

      await fillInput(page, '6 位短信验证码', wrongCode);
      await tapButton(page, '确认绑定');
      const error = page.getByTestId('bind-error');
      await error.waitFor();
      assert.ok((await error.textContent())?.trim(), 'the server explains the wrong code');
      // Nothing typed is lost after a failure.
      assert.equal(await inputValue(page, '请输入姓名'), DEMO_BINDING_CUSTOMER.name);
      assert.equal(await inputValue(page, '请输入 18 位身份证号码'), DEMO_BINDING_CUSTOMER.idNumber);
      assert.equal(await inputValue(page, '投保时登记的手机号码'), DEMO_BINDING_CUSTOMER.phone);

      await fillInput(page, '6 位短信验证码', code);
      await tapButton(page, '确认绑定');
      await page.getByTestId('policy-card').first().waitFor();
      assert.match(page.url(), /\/pages\/policies\/index/);

      await page.getByTestId('policy-card').first().click();
      await page.getByTestId('policy-detail').waitFor();
      const detail = (await page.getByTestId('policy-detail').textContent()) ?? '';
      assert.match(detail, /保单号/);
      assert.match(detail, /¥[\d,]+\.\d{2}/);
      assert.match(detail, /\d{4}年\d{2}月\d{2}日/);
      assert.doesNotMatch(detail, /\d{17}[\dX]/, 'ID numbers stay masked');
      await saveScreenshot(page, 'customer-binds-and-opens-policy');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it("an agent opens my customers, then a customer's policy", async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-agent-a001');

      await page.getByTestId('entry-customers').click();
      const firstCustomer = page.getByTestId('customer-card').first();
      await firstCustomer.waitFor();
      await firstCustomer.click();
      await page.getByTestId('policy-card').first().waitFor();
      await page.getByTestId('policy-card').first().click();
      await page.getByTestId('policy-detail').waitFor();
      assert.match((await page.getByTestId('policy-detail').textContent()) ?? '', /投保人/);
      await saveScreenshot(page, 'agent-opens-customer-policy');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it("a customer opening another customer's policy by URL gets an error page and no data", async () => {
    const mine = await apiPolicyNumbers(await apiSignIn('demo-customer-c001'));
    const theirs = (await apiPolicyNumbers(await apiSignIn('demo-customer-c005'))).find(
      (no) => !mine.includes(no),
    );
    assert.ok(theirs, 'another customer has a policy C001 is not party to');

    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c001');
      await page.getByTestId('home-todos').waitFor();

      await page.goto(
        `${session.stack.appUrl}/pages/policy-detail/index?policyNo=${encodeURIComponent(theirs)}`,
      );
      const errorPage = page.getByTestId('page-error');
      await errorPage.waitFor();
      const text = (await errorPage.textContent()) ?? '';
      assert.match(text, /无法查看该保单/);
      assert.equal(await page.getByTestId('policy-detail').count(), 0);
      assert.doesNotMatch((await page.locator('body').textContent()) ?? '', new RegExp(theirs));
      await saveScreenshot(page, 'customer-denied-other-policy');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
