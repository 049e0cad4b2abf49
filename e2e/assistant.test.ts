import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { buildDemoData } from '../functions/src/seed/demo-data';
import { newPhonePage, saveScreenshot } from './support/browser';
import {
  agreeToPrivacyGuide,
  demoAccessToken,
  fillInput,
  signInAsDemoUser,
  tapButton,
} from './support/journey-steps';
import { useE2eSession } from './support/stack';

/**
 * The 客服 tab (issue 9): 张伟 asks how much he can borrow, picks his participating life policy,
 * gets the quota with his own figure, and 去办理 opens that policy; he asks for a person, a staff
 * member of his branch claims the handoff and replies, and he sees the reply; signed out, the
 * assistant answers in general terms and offers sign-in.
 */
const data = buildDemoData(todayInShanghai());
const pl01 = data.policies.find((p) => p.holderId === 'C001' && p.productCode === 'PL01')!;

const session = useE2eSession();

describe('the assistant', () => {
  it('张伟 asks for his loan quota, gets his own figure and opens the policy from 去办理', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c001');
      await page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await page.getByTestId('assistant-messages').waitFor();
      assert.equal(
        await page.getByTestId('assistant-sign-in').count(),
        0,
        'no sign-in prompt when signed in',
      );

      await fillInput(page, '请输入您的问题', '我的保单能贷多少钱');
      await tapButton(page, '发送');
      const policyButton = page.locator('[data-testid="assistant-button"]', { hasText: '鑫享人生' });
      await policyButton.waitFor();
      assert.equal(
        await page.locator('input[placeholder="请输入您的问题"]').inputValue(),
        '',
        'sent text is cleared',
      );
      await policyButton.click();

      const answer = page.getByTestId('chat-assistant').filter({ hasText: '当前可贷金额' });
      await answer.waitFor();
      assert.match(
        (await answer.textContent()) ?? '',
        new RegExp(`${pl01.policyNo}（鑫享人生）当前可贷金额 ¥54,736\\.40`),
      );
      await saveScreenshot(page, 'assistant-loan-quota');

      await answer.locator('[data-testid="assistant-button"]', { hasText: '去办理' }).click();
      await page.waitForURL((url) => url.pathname.includes('/pages/policy-detail/'));
      assert.ok(page.url().includes(`policyNo=${pl01.policyNo}`));
      await page.getByText(pl01.policyNo).first().waitFor();
      await saveScreenshot(page, 'assistant-opened-policy');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('张伟 asks for a person; staff of his branch claim it and reply; he sees the reply', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c001');
      await page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await fillInput(page, '请输入您的问题', '我要转人工');
      await tapButton(page, '发送');
      await page.locator('[data-testid="assistant-button"]', { hasText: '转人工客服' }).first().click();
      await page.getByTestId('handoff-status').waitFor();

      const api = session.stack.apiUrl;
      const accessToken = await demoAccessToken(api, 'demo-staff-sh');
      const staff = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
      const queue = (await (await fetch(`${api}/staff/handoffs`, { headers: staff })).json()) as {
        handoffs: Array<{ handoffId: string; customerName: string; transcript: Array<{ text: string }> }>;
      };
      const handoff = queue.handoffs.find((h) => h.customerName === '张伟');
      assert.ok(handoff, 'the handoff is in the Shanghai queue');
      assert.equal(handoff.transcript[0]?.text, '我要转人工');
      const claim = await fetch(`${api}/staff/handoffs/${handoff.handoffId}/claim`, {
        method: 'POST',
        headers: staff,
      });
      assert.equal(claim.status, 200);
      const reply = await fetch(`${api}/assistant/handoffs/${handoff.handoffId}/messages`, {
        method: 'POST',
        headers: staff,
        body: JSON.stringify({ text: '您好，我是人工客服，请问有什么可以帮您？' }),
      });
      assert.equal(reply.status, 201);

      await page.getByText('我是人工客服').waitFor();
      await saveScreenshot(page, 'assistant-handoff-reply');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('signed out, a quick question is answered in general terms with a sign-in offer', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await page.getByTestId('assistant-sign-in').waitFor();
      await page.getByTestId('quick-question').filter({ hasText: '我能贷多少钱' }).click();
      const answer = page.getByTestId('chat-assistant').filter({ hasText: '80%' });
      await answer.waitFor();
      assert.match((await answer.textContent()) ?? '', /登录后/);
      assert.equal(await answer.locator('[data-testid="assistant-button"]', { hasText: '登录' }).count(), 1);
      await saveScreenshot(page, 'assistant-signed-out');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
