import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { readLatestSandboxCode } from '../functions/src/platform/sms/sandbox-outbox-sms';
import { DEMO_DOCUMENT_ID } from '../functions/src/seed/demo-documents';
import { DEMO_BINDING_CUSTOMER } from '../functions/src/seed/seed-demo-data';
import { onPhonePage, saveScreenshot } from './support/browser';
import { policyNo } from './support/endorsement-steps';
import {
  agreeToPrivacyGuide,
  demoAccessToken,
  fillInput,
  returnOnceVerified,
  signInAsDemoUser,
  tapButton,
} from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * What a new user met on the way in and the way back, in the H5 build at 375 px: an agent's shared
 * application link opened signed out keeps its target through privacy, sign-in and identity
 * binding; every page has a title bar with a way back; a disabled primary button looks disabled;
 * the document page shows the verified state as soon as the face check returns.
 */
const session = useE2eSession(async () => {
  // 高宇 (the customer the unbound demo account binds to) gets 王建国 (A001) as his agent, so the
  // agent can prepare an application for him and share its link.
  const { getSystem } = await import('../functions/src/system');
  const { repositories } = getSystem();
  const customer = await repositories.customers.get(DEMO_BINDING_CUSTOMER.customerId);
  assert.ok(customer, 'the binding customer is seeded');
  await repositories.customers.put({ ...customer, agentId: 'A001' });
});

/** The agent prepares a dividend-option change for a customer and copies the application's link. */
async function agentSharesApplication(holderId: string, productCode: string): Promise<string> {
  const token = await demoAccessToken(session.stack.apiUrl, 'demo-agent-a001');
  const response = await fetch(
    `${session.stack.apiUrl}/policies/${encodeURIComponent(policyNo(holderId, productCode))}/endorsements`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'dividend_option_change', dividendOption: 'cash' }),
    },
  );
  const text = await response.text();
  assert.equal(response.status, 201, text);
  const { applicationId } = JSON.parse(text) as { applicationId: string };
  return applicationId;
}

const applicationLink = (applicationId: string) =>
  `${session.stack.appUrl}/packages/endorsements/application/index?applicationId=${applicationId}`;

/** The application page of that application is on screen, with its content. */
async function expectApplication(page: Page, applicationId: string): Promise<void> {
  await page.waitForURL((url) => url.searchParams.get('applicationId') === applicationId);
  assert.match(page.url(), /\/packages\/endorsements\/application\/index/);
  await page.getByTestId('status-timeline').waitFor();
}

const journey = (name: string, run: (page: Page) => Promise<void>) => onPhonePage(session.browser, name, run);

describe('a shared application link keeps its target', () => {
  it('张伟, signed out, opens his agent’s link: privacy → sign-in → the application', async () => {
    const applicationId = await agentSharesApplication('C001', 'PL01');
    await journey('shared-link-signed-out', async (page) => {
      await page.goto(applicationLink(applicationId));
      await page.waitForURL(/\/pages\/privacy\/index/);
      assert.match(decodeURIComponent(page.url()), new RegExp(`applicationId=${applicationId}`));
      await tapButton(page, '同意并继续');
      await page.getByTestId('demo-users').waitFor();
      assert.match(decodeURIComponent(page.url()), new RegExp(`applicationId=${applicationId}`));
      await page.locator('[data-testid="demo-user"][data-user-id="demo-customer-c001"]').click();
      await expectApplication(page, applicationId);
    });
  });

  it('a customer not yet bound opens the link: privacy → sign-in → identity binding → the application', async () => {
    const applicationId = await agentSharesApplication(DEMO_BINDING_CUSTOMER.customerId, 'PL03');
    await journey('shared-link-after-binding', async (page) => {
      await page.goto(applicationLink(applicationId));
      await tapButton(page, '同意并继续');
      await page.locator('[data-testid="demo-user"][data-user-id="demo-unbound"]').click();

      await page.waitForURL(/\/packages\/identity\/bind\/index/);
      await fillInput(page, '请输入姓名', DEMO_BINDING_CUSTOMER.name);
      await fillInput(page, '请输入 18 位身份证号码', DEMO_BINDING_CUSTOMER.idNumber);
      await fillInput(page, '投保时登记的手机号码', DEMO_BINDING_CUSTOMER.phone);
      await page.getByTestId('sensitive-consent').click();
      await tapButton(page, '获取验证码');
      await page.getByText('验证码已发送至').waitFor();
      const code = await readLatestSandboxCode(session.stack.smsOutboxFile, DEMO_BINDING_CUSTOMER.phone);
      assert.ok(code, 'the binding code is in the sandbox outbox');
      await fillInput(page, '6 位短信验证码', code);
      await tapButton(page, '确认绑定');

      await expectApplication(page, applicationId);
    });
  });
});

/** The H5 title bar Taro draws (WeChat draws its own in the mini program). */
async function titleBar(page: Page) {
  return page.evaluate(() => {
    const bar = document.getElementById('taro-navigation-bar');
    const visible = (element: Element | null | undefined) =>
      Boolean(
        element &&
          (element as HTMLElement).offsetParent !== null &&
          getComputedStyle(element).display !== 'none',
      );
    return {
      shown: visible(bar),
      title: bar?.querySelector('.taro-navigation-bar-title')?.textContent?.trim() ?? '',
      back: visible(bar?.querySelector('.taro-navigation-bar-back')),
      home: visible(bar?.querySelector('.taro-navigation-bar-home')),
    };
  });
}

describe('a title bar with a way back (H5)', () => {
  it('every page has its title; a page reached from another has a back button, one opened directly a home button', async () => {
    await journey('title-bar-back', async (page) => {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c001');
      await page.goto(`${session.stack.appUrl}/pages/me/index`);
      await page.locator('.nut-cell', { hasText: '我的信函' }).waitFor();
      // A tab page: the title, and neither back nor home (the tab bar is the way around).
      let bar = await titleBar(page);
      assert.equal(bar.shown, true);
      assert.equal(bar.back || bar.home, false);

      await page.locator('.nut-cell', { hasText: '我的信函' }).click();
      await page.waitForURL(/\/packages\/letters\/list\/index/);
      await page.waitForFunction(
        () =>
          document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent ===
          '我的信函',
      );
      bar = await titleBar(page);
      assert.deepEqual(bar, { shown: true, title: '我的信函', back: true, home: false });
      await saveScreenshot(page, 'title-bar-letters');
      await page.locator('#taro-navigation-bar .taro-navigation-bar-back').click();
      await page.waitForURL(/\/pages\/me\/index/);

      // Opened directly (a link): no page behind it, so the way back is home.
      await page.goto(`${session.stack.appUrl}/packages/letters/settings/index`);
      await page.getByTestId('letter-subscriptions').waitFor();
      bar = await titleBar(page);
      assert.equal(bar.shown && bar.home && !bar.back, true, JSON.stringify(bar));
      assert.ok(bar.title.length > 0, 'the page has a title');
      await page.locator('#taro-navigation-bar .taro-navigation-bar-home').click();
      await page.waitForURL(/\/pages\/home\/index/);
    });
  });
});

describe('a disabled primary button looks disabled', () => {
  it('确认绑定 before the consent is ticked is light, with no dark block behind its text', async () => {
    await journey('disabled-primary-button', async (page) => {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-unbound');
      await page.goto(`${session.stack.appUrl}/packages/identity/bind/index`);
      const button = page.getByTestId('submit-binding');
      await button.waitFor();
      const colours = await button.evaluate((element) => {
        const luminance = (colour: string) => {
          const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
          // Over the white page: what the eye sees.
          const over = (channel: number) => (channel * a + 255 * (1 - a)) / 255;
          const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return 0.2126 * linear(over(r)) + 0.7152 * linear(over(g)) + 0.0722 * linear(over(b));
        };
        const layers = [element, ...Array.from(element.querySelectorAll('*'))].map((node) => {
          const style = getComputedStyle(node);
          return {
            node: `${node.tagName.toLowerCase()}.${(node as HTMLElement).className}`,
            background: style.backgroundColor,
            image: style.backgroundImage,
            luminance: luminance(style.backgroundColor),
            transparent: style.backgroundColor === 'rgba(0, 0, 0, 0)',
          };
        });
        return { disabled: element.className, layers };
      });
      assert.match(colours.disabled, /nut-button-disabled/);
      const [outer, ...inside] = colours.layers;
      // The button itself: a light tint of the brand colour (seen over the white page).
      assert.ok(outer && !outer.transparent && outer.luminance > 0.4, JSON.stringify(outer));
      // Nothing inside it paints a second layer: a tinted label over the tinted button was the
      // dark block behind the text.
      for (const layer of inside) {
        assert.ok(
          layer.transparent && layer.image === 'none',
          `${layer.node}: ${JSON.stringify(colours.layers)}`,
        );
      }
    });
  });
});

describe('the document page after identity verification', () => {
  it('张伟 comes back from the sandbox face check to the verified state at once: 「去核验身份」 never shows again', async () => {
    await journey('document-verified-at-once', async (page) => {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c001');
      await page.goto(
        `${session.stack.appUrl}/packages/documents/detail/index?documentId=${encodeURIComponent(DEMO_DOCUMENT_ID)}`,
      );
      await page.getByTestId('go-verify-identity').click();
      await page.waitForURL(/packages\/identity\/verify/);
      await tapButton(page, '同意并继续');
      await tapButton(page, '开始刷脸');
      await page.getByTestId('sandbox-face').waitFor();

      // From the face check on, every frame is watched: a visible 「去核验身份」 anywhere is recorded.
      await page.evaluate(() => {
        const host = window as unknown as { staleVerifyButtonSeen?: boolean };
        host.staleVerifyButtonSeen = false;
        const look = () => {
          for (const element of Array.from(document.querySelectorAll('[data-testid="go-verify-identity"]'))) {
            const box = element.getBoundingClientRect();
            const style = getComputedStyle(element);
            const shown =
              box.width > 0 &&
              box.height > 0 &&
              box.right > 0 &&
              box.left < window.innerWidth &&
              style.visibility !== 'hidden' &&
              (element as HTMLElement).offsetParent !== null;
            if (shown) host.staleVerifyButtonSeen = true;
          }
          requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      await tapButton(page, '核身成功（本人）');
      await returnOnceVerified(page);
      await page.waitForURL(/packages\/documents\/detail/, { timeout: 20_000 });
      // The moment the page is back (no waiting for a reload): the way on is to sign.
      assert.equal(await page.getByTestId('go-verify-identity').isVisible(), false);
      await page.getByTestId('go-sign').waitFor();
      assert.equal(
        await page.evaluate(
          () => (window as unknown as { staleVerifyButtonSeen?: boolean }).staleVerifyButtonSeen,
        ),
        false,
        '「去核验身份」 was shown after the face check',
      );
      await page.getByTestId('identity-needed').waitFor({ state: 'detached' });
    });
  });
});
