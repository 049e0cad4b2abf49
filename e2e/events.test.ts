import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { newPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, demoAccessToken, signInAsDemoUser, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Club events (客户俱乐部活动) in the H5 build: 张伟 registers his family for the seeded 太活力 fun
 * run; its 2-seat afternoon session fills, 刘洋 joins the waiting list, and when a seat frees he
 * receives the offer and accepts it.
 */
const session = useE2eSession();
const EVENT = 'EV-DEMO-RUN';

async function api(userId: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const token = await demoAccessToken(session.stack.apiUrl, userId);
  const response = await fetch(`${session.stack.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

async function fillCompanion(page: Page, index: number, name: string, relation: string, birthDate: string) {
  await page.getByTestId(`companion-${index}-name`).locator('input').fill(name);
  await page.getByTestId(`companion-${index}-relation-${relation}`).click();
  await page.getByTestId(`companion-${index}-birth-date`).locator('input').fill(birthDate);
}

async function openEvent(page: Page, userId: string) {
  await agreeToPrivacyGuide(page, session.stack.appUrl);
  await signInAsDemoUser(page, userId);
  await page.getByTestId('entry-events').click();
  await page.getByTestId('event-item').filter({ hasText: '太活力·滨江亲子欢乐跑' }).click();
  await page.getByTestId('event-detail').waitFor();
}

describe('club events journeys', () => {
  it('张伟 registers his family for a 太活力 event: a child needs the guardian’s consent, names are masked', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await openEvent(page, 'demo-customer-c001');
      await page.getByTestId('session-S1').click();
      await tapButton(page, '添加同行人');
      await fillCompanion(page, 0, '李娜', 'spouse', '1980-07-21');
      await tapButton(page, '添加同行人');
      await fillCompanion(page, 1, '张小雨', 'child', '2015-05-08');
      await page.getByText('未满 14 周岁：儿童').waitFor();

      // Leaving and coming back keeps what was typed.
      await page.goBack();
      await page.getByTestId('event-list').waitFor();
      await page.getByTestId('event-item').filter({ hasText: '太活力·滨江亲子欢乐跑' }).click();
      assert.equal(await page.getByTestId('companion-1-name').locator('input').inputValue(), '张小雨');

      await tapButton(page, '提交报名（3 人）');
      await page.getByText('请勾选监护人同意').waitFor();
      await page.getByTestId('guardian-consent').click();
      await tapButton(page, '提交报名（3 人）');

      const mine = page.getByTestId('my-registration');
      await mine.waitFor();
      const text = (await mine.textContent()) ?? '';
      assert.match(text, /已报名/);
      assert.match(text, /共 3 人/);
      assert.match(text, /子女 张\*\*（儿童）/);
      assert.doesNotMatch(await page.content(), /张小雨|2015-05-08/);
      await saveScreenshot(page, 'events-family-registered');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('the session fills, 刘洋 joins the waiting list and later accepts the seat offered to him', async () => {
    // 李娜 takes both seats of the afternoon session (herself and her daughter).
    const lina = await api('demo-customer-c002', 'POST', `/events/${EVENT}/registration`, {
      sessionId: 'S2',
      companions: [{ name: '张小雨', relation: 'child', birthDate: '2015-05-08' }],
      guardianConsent: true,
      waitIfFull: false,
    });
    assert.equal(lina.status, 201, lina.text);

    const { context, page } = await newPhonePage(session.browser);
    try {
      await openEvent(page, 'demo-customer-c005');
      const afternoon = page.getByTestId('session-S2');
      assert.match((await afternoon.textContent()) ?? '', /已满/);
      await afternoon.click();
      await tapButton(page, '名额已满，加入候补名单（1 人）');
      const mine = page.getByTestId('my-registration');
      await mine.waitFor();
      assert.match((await mine.textContent()) ?? '', /候补中/);
      assert.match((await page.getByTestId('waiting-position').textContent()) ?? '', /候补第 1 位/);
      await saveScreenshot(page, 'events-waiting');

      // A seat frees: 李娜 cancels; the head of the list is offered the seat at once.
      const cancelled = await api('demo-customer-c002', 'POST', `/events/${EVENT}/registration/cancel`);
      assert.equal(cancelled.status, 200, cancelled.text);

      await page.goto(`${session.stack.appUrl}/packages/events/mine/index`);
      const item = page.getByTestId('my-registration-item').filter({ hasText: '太活力·滨江亲子欢乐跑' });
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /候补名额待确认/);
      assert.match((await item.getByTestId('offer-expires').textContent()) ?? '', /请在 .* 前确认/);
      await item.click();
      await page.getByTestId('accept-offer').click();
      await page.getByTestId('my-registration').filter({ hasText: '已报名' }).waitFor();
      await saveScreenshot(page, 'events-offer-accepted');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
