import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { demoPolicyNo } from '../functions/test/endorsements/endorsement-steps';
import { DESK_VIEWPORT, newPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, demoAccessToken, signInAsDemoUser } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * The complaint and handoff consoles at a PC's width: the queue and the selected item stand side by
 * side, and what staff do in the detail (claim a complaint, take a conversation) shows in the queue
 * beside it without leaving the page. 张伟 files a complaint and asks for a person first.
 */
let complaintId = '';
const session = useE2eSession(async () => {
  const token = await demoAccessToken(session.stack.apiUrl, 'demo-customer-c001');
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${session.stack.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, text);
    return JSON.parse(text) as T;
  };
  ({ complaintId } = await post<{ complaintId: string }>('/complaints', {
    category: 'service_attitude',
    description: '柜面人员态度冷淡，问了三次才给我办理',
    policyNo: demoPolicyNo('C001', 'PL01'),
    preferredContactTime: 'afternoon',
  }));
  const { conversationId } = await post<{ conversationId: string }>('/assistant/messages', {
    text: '我想咨询保单贷款的利率',
  });
  await post('/assistant/handoffs', { conversationId });
});

async function deskPage(path: string) {
  const opened = await newPhonePage(session.browser, DESK_VIEWPORT);
  await agreeToPrivacyGuide(opened.page, session.stack.appUrl);
  await signInAsDemoUser(opened.page, 'demo-staff-sh');
  await opened.page.goto(`${session.stack.appUrl}${path}`);
  return opened;
}

/** The two panes stand side by side: the detail to the right of the queue, their tops level. */
async function assertSideBySide(page: Page, prefix: string, detailContent: string): Promise<void> {
  await page.getByTestId(`${prefix}-detail`).getByTestId(detailContent).waitFor();
  const list = await page.getByTestId(`${prefix}-queue`).boundingBox();
  const detail = await page.getByTestId(`${prefix}-detail`).boundingBox();
  assert.ok(list && detail, 'both panes are on screen');
  assert.ok(detail.x >= list.x + list.width, 'the detail stands to the right of the queue');
  assert.ok(Math.abs(detail.y - list.y) < 40, 'side by side, not stacked');
}

describe('the staff consoles at 1280 px', () => {
  it('投诉工单: the selected complaint beside the queue; claimed there, the queue shows its handler', async () => {
    const { context, page } = await deskPage('/packages/complaints/queue/index');
    try {
      await assertSideBySide(page, 'complaint-console', 'complaint-detail');
      const item = page.getByTestId('complaint-queue-item').filter({ hasText: complaintId });
      await item.click();
      const detail = page.getByTestId('complaint-console-detail');
      await detail.getByText(`投诉编号 ${complaintId}`).waitFor();
      assert.match(page.url(), /packages\/complaints\/queue/);
      await saveScreenshot(page, 'complaint-console-1280');

      await detail.locator('taro-button-core', { hasText: '认领处理' }).click();
      await item.getByText(/^处理人：/).waitFor();
      assert.match(page.url(), /packages\/complaints\/queue/);
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('人工服务: the selected conversation beside the queue; taken there, it stays open beside it', async () => {
    const { context, page } = await deskPage('/packages/handoffs/queue/index');
    try {
      await assertSideBySide(page, 'handoff-console', 'handoff-context');
      const card = page.getByTestId('handoff-card').filter({ hasText: '我想咨询保单贷款的利率' });
      await card.getByText('张伟').first().click();
      const detail = page.getByTestId('handoff-console-detail');
      await detail.getByTestId('handoff-transcript').getByText('我想咨询保单贷款的利率').waitFor();
      await saveScreenshot(page, 'handoff-console-1280');

      await card.locator('taro-button-core', { hasText: /^接入$/ }).click();
      await card.locator('taro-button-core', { hasText: '继续对话' }).waitFor();
      // The conversation beside the queue opened afresh as taken: the reply box is there.
      await detail.getByTestId('handoff-chat').locator('textarea').waitFor();
      assert.match(page.url(), /packages\/handoffs\/queue/);
      assert.equal(
        await detail.getByTestId('back-to-queue').count(),
        0,
        'no way back needed beside the queue',
      );
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
