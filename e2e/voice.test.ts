import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { DESK_VIEWPORT, newPhonePage, onPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, signInAsDemoUser, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * The customer-voice stream (客户之声) in the browser: a customer's 吐槽 arrives live on the 浦东中支
 * head's listening page at PC width, over the live chat's WebSocket; 浦东中支 reports the theme to
 * 上海分公司, which reports it on to 总公司, whose head reads the trail.
 */
const session = useE2eSession();
const RANT = '回访电话一天打了三次，太打扰了';

async function signIn(page: Page, userId: string, path: string): Promise<void> {
  await agreeToPrivacyGuide(page, session.stack.appUrl);
  await signInAsDemoUser(page, userId);
  await page.goto(`${session.stack.appUrl}${path}`);
}

/** Types the note and reports the 回访打扰 theme of this week one level up. */
async function reportTheme(page: Page, note: string, reportedTo: RegExp): Promise<void> {
  await page.getByTestId('voice-note').locator('textarea').fill(note);
  const cluster = page.getByTestId('voice-cluster').filter({ hasText: '回访打扰' });
  await cluster.locator('taro-button-core', { hasText: '上报该主题' }).click();
  await cluster.getByTestId('voice-trail').filter({ hasText: reportedTo }).waitFor();
}

describe('customer voice', () => {
  it('a 吐槽 arrives live at the 浦东中支 head; the theme is reported up to 总公司', async () => {
    const head = await newPhonePage(session.browser, DESK_VIEWPORT);
    try {
      await signIn(head.page, 'demo-exec-sh-pd', '/packages/voice/stream/index');
      await head.page.getByTestId('voice-listening').getByText('实时聆听中：浦东中心支公司').waitFor();

      await onPhonePage(session.browser, 'voice-rant', async (page) => {
        await signIn(page, 'demo-customer-c001', '/packages/voice/rant/index');
        await page.getByTestId('rant-text').locator('textarea').fill(RANT);
        await page.getByTestId('rant-hide-name').click();
        await tapButton(page, '提交吐槽');
        await page.getByTestId('rant-sent').getByText('您的代理人看不到您的姓名').waitFor();
      });

      // No reload: pushed over the WebSocket.
      await head.page.getByTestId('voice-item').filter({ hasText: RANT }).waitFor({ timeout: 5000 });
      await saveScreenshot(head.page, 'voice-executive-listening');
    } finally {
      await head.context.close();
    }

    await onPhonePage(session.browser, 'voice-report-branch', async (page) => {
      await signIn(page, 'demo-staff-sh-pd', '/packages/voice/stream/index');
      await reportTheme(page, '本周多位客户反映回访电话过多', /上报至上海分公司/);
    });
    await onPhonePage(session.browser, 'voice-report-head-office', async (page) => {
      await signIn(page, 'demo-staff-sh', '/packages/voice/stream/index');
      await reportTheme(page, '上海多家中支反映，请总公司统一回访策略', /上报至.*总公司/);
    });
    await onPhonePage(session.browser, 'voice-head-office-trail', async (page) => {
      await signIn(page, 'demo-exec-hq', '/packages/voice/stream/index');
      const trail = page
        .getByTestId('voice-cluster')
        .filter({ hasText: '回访打扰' })
        .getByTestId('voice-trail');
      await trail.filter({ hasText: '本周多位客户反映回访电话过多' }).waitFor();
      await trail.filter({ hasText: '请总公司统一回访策略' }).waitFor();
    });
  });
});
