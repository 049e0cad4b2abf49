import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { DEMO_DOCUMENT_ID } from '../functions/src/seed/demo-documents';
import { queuedHandoff } from '../functions/test/support/queued-handoff';
import { newPhonePage, onPhonePage, saveScreenshot } from './support/browser';
import {
  demoAccessToken,
  drawOnSignaturePad,
  HANDWRITTEN_NAME,
  signInOncePerFile,
  verifyDocumentSignerOverHttp,
} from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * The homes in the H5 build: 张伟 opens on his to-dos — the application awaiting his signature and
 * his new annuity's callback with the cooling-off countdown —; he signs and the signature to-do is
 * gone; the callback to-do stays until he books a time. The service hall's 预约回访 picker offers
 * only the policy in its cooling-off period and says why each other policy is not eligible.
 * Each role's home is saved to e2e/artifacts/.
 */
const session = useE2eSession();
const HANDOFF_ID = '11111111-2222-4333-8444-555555555555';

async function openHome(page: Page): Promise<void> {
  await page.goto(`${session.stack.appUrl}/pages/home/index`);
  await page.getByTestId('home-todos').waitFor();
}

const todo = (page: Page, kind: string) => page.locator(`[data-testid="todo"][data-kind="${kind}"]`);

async function kindsShown(page: Page): Promise<string[]> {
  await page.locator('[data-testid="todo"], [data-testid="todos-empty"]').first().waitFor();
  return page
    .getByTestId('todo')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind') ?? ''));
}

async function agentCount(page: Page, list: string): Promise<number> {
  const tile = page.getByTestId(`agent-count-${list}`);
  await tile.waitFor();
  return Number((await tile.locator('.zx-home__count-number').textContent()) ?? 'NaN');
}

/** Signs in as a demo user, opens the home, runs the checks and saves the screen as `name`. */
function homeAs(userId: string, name: string, check: (page: Page) => Promise<void>): Promise<void> {
  return onPhonePage(session.browser, name, async (page) => {
    await signInOncePerFile(page, session.stack.appUrl, userId);
    await page.goto(`${session.stack.appUrl}/pages/home/index`);
    await check(page);
  });
}

describe('the agent home before 张伟 acts', () => {
  it("王建国 sees 张伟's callback pending and his application awaiting signature", async () => {
    await homeAs('demo-agent-a001', 'home-agent', async (page) => {
      assert.equal(await agentCount(page, 'callbacksPending'), 1);
      assert.equal(await agentCount(page, 'documentsToSign'), 1);
      assert.ok((await agentCount(page, 'lapsed')) >= 1, 'a customer of his has a lapsed policy');
      await page.getByTestId('agent-count-callbacksPending').click();
      const item = page.getByTestId('agent-item').first();
      assert.match((await item.textContent()) ?? '', /张伟 · 请预约新单回访.*剩 \d+ 天/s);
    });
  });
});

describe('a benefit coming up', () => {
  it('王芳 sees her annuity’s survival benefit coming up, with its amount and day, one tap from the policy', async () => {
    await homeAs('demo-customer-c004', 'home-customer-benefit-policy', async (page) => {
      await page.getByTestId('home-todos').waitFor();
      const benefit = todo(page, 'benefit');
      assert.match((await benefit.textContent()) ?? '', /生存金 ¥[\d,]+\.\d{2}，\d+ 天后给付/);
      assert.match((await benefit.textContent()) ?? '', /给付日 \d{4}-\d{2}-\d{2}/);
      await saveScreenshot(page, 'home-customer-benefit');
      await benefit.click();
      await page.waitForURL(/policyNo=/);
    });
  });
});

describe('the customer home', () => {
  it('张伟 sees his signature to-do, signs, and it is gone; his callback to-do stays until he books', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-customer-c001');
      await openHome(page);
      assert.deepEqual(await kindsShown(page), ['sign', 'callback']);
      assert.match((await todo(page, 'sign').textContent()) ?? '', /待签署：联系方式变更申请书/);
      const callback = (await todo(page, 'callback').textContent()) ?? '';
      assert.match(callback, /请预约新单回访/);
      assert.match(callback, /犹豫期还剩 \d+ 天/);
      assert.match(
        (await todo(page, 'callback').getByTestId('todo-countdown').textContent()) ?? '',
        /剩 \d+ 天/,
      );
      assert.equal(await page.getByTestId('todo-count').textContent(), '2');
      await saveScreenshot(page, 'home-customer');

      // One tap to the application; identity, then the signature.
      await todo(page, 'sign').click();
      await page.getByTestId('document-preview').waitFor();
      await page.getByTestId('identity-needed').waitFor();
      await verifyDocumentSignerOverHttp(session.stack.apiUrl, 'demo-customer-c001', DEMO_DOCUMENT_ID);
      await page.reload();
      await page.getByTestId('go-sign').click();
      await page.getByTestId('sign-summary').waitFor();
      await drawOnSignaturePad(page, HANDWRITTEN_NAME);
      await page.getByTestId('submit-signature').click();
      await page.waitForURL(/packages\/documents\/detail/);
      await page.getByText(/已签署·待生效：张伟 于/).waitFor({ timeout: 30_000 });

      // Back home: the signature to-do is gone, the callback to-do is still there.
      await openHome(page);
      assert.deepEqual(await kindsShown(page), ['callback']);
      await saveScreenshot(page, 'home-customer-signed');

      // The service hall's callback picker: the new policy to tap, the others with their reasons.
      await page.getByTestId('hall-callback').click();
      const picker = page.getByTestId('policy-picker');
      await picker.locator('[data-testid="policy-choice"]').first().waitFor();
      const eligible = picker.locator('[data-testid="policy-choice"][data-eligible="yes"]');
      assert.equal(await eligible.count(), 1);
      const reasons = await picker.getByTestId('choice-reason').allTextContents();
      assert.ok(reasons.length >= 2, 'his other policies are listed with a reason');
      assert.ok(reasons.some((r) => /犹豫期已于 \d{4}年\d{2}月\d{2}日 结束/.test(r)));
      await saveScreenshot(page, 'home-customer-callback-picker');
      await eligible.click();

      // He books the first time offered: the callback to-do is gone.
      const slots = page.getByTestId('callback-slot');
      await slots.first().waitFor();
      await slots.first().click();
      await page.locator('.taro-model__confirm:visible').click();
      await page.getByTestId('callback-booking').waitFor();
      await openHome(page);
      assert.deepEqual(await kindsShown(page), []);
      await page.getByTestId('todos-empty').waitFor();
      await saveScreenshot(page, 'home-customer-done');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});

describe('the other roles’ homes', () => {
  it('王建国’s counts follow: 张伟 signed and booked, so nothing waits on him', async () => {
    await homeAs('demo-agent-a001', 'home-agent-after', async (page) => {
      assert.equal(await agentCount(page, 'callbacksPending'), 0);
      assert.equal(await agentCount(page, 'documentsToSign'), 0);
    });
  });

  it('钱进 (上海分公司) sees the queues with the oldest wait; a claimed handoff leaves the count; the second tab is 工作台', async () => {
    // 张伟 waits for a person in his branch's queue, for 40 minutes already.
    const { getSystem } = await import('../functions/src/system');
    const system = getSystem();
    const zhangWei = (await system.repositories.customers.get('C001'))!;
    await system.repositories.handoffs.createOrGet(
      queuedHandoff(HANDOFF_ID, zhangWei, system.now() - 40 * 60_000),
    );
    await homeAs('demo-staff-sh', 'home-staff', async (page) => {
      const waiting = page.getByTestId('staff-queue-handoffsWaiting');
      await waiting.waitFor();
      assert.match((await waiting.textContent()) ?? '', /^1转人工排队最久等待 4\d 分钟$/);
      assert.equal(await page.getByTestId('home-todos').count(), 0);
      // Tabs follow the role: 工作台, not 保单.
      const tabs = page.locator('.weui-tabbar');
      await tabs.getByText('工作台').waitFor();
      assert.equal(await tabs.getByText('保单').count(), 0);

      const token = await demoAccessToken(session.stack.apiUrl, 'demo-staff-sh');
      const claimed = await fetch(`${session.stack.apiUrl}/staff/handoffs/${HANDOFF_ID}/claim`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{}',
      });
      assert.ok(claimed.ok, await claimed.text());
      await page.reload();
      await waiting.waitFor();
      assert.match((await waiting.textContent()) ?? '', /^0转人工排队暂无$/);

      await tabs.getByText('工作台').click();
      await page.getByTestId('staff-workbench').waitFor();
      await saveScreenshot(page, 'home-staff-workbench');
      await page.goto(`${session.stack.appUrl}/pages/home/index`);
      await waiting.waitFor();
    });
  });
});
