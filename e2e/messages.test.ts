import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { EndorsementApplication, EndorsementOptions } from '@zhixiang/shared/endorsement/application';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { deliverEndorsementEvents } from '../functions/src/endorsements/use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps } from '../functions/src/endorsements/wiring-delivery';
import { getSystem } from '../functions/src/system';
import { signedDrafts } from '../functions/test/endorsements/signed-drafts';
import { onPhonePage, saveScreenshot } from './support/browser';
import { policyNo } from './support/endorsement-steps';
import { agreeToPrivacyGuide, demoAccessToken, signInAsDemoUser } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * The message centre (消息中心) in the H5 build: 张伟's surrender above the automatic limit waits in
 * 保全审核; Shanghai staff approve it; the endorsement outbox's consumer (the local schedule's job)
 * tells him — the SMS in the local outbox and one message in his 消息中心. His home shows the
 * unread badge and the "result not yet seen" to-do; he opens 消息中心, reads the message (it opens
 * his application), and back home the badge and the to-do are gone.
 */
const ZHANG_PL01 = policyNo('C001', 'PL01');
let applicationId = '';

const session = useE2eSession(async () => {
  // 张伟 signed a surrender of PL01 (its value is above ¥50,000: staff review it) and submits it.
  const api = session.stack.apiUrl;
  const auth = { authorization: `Bearer ${await demoAccessToken(api, 'demo-customer-c001')}` };
  const options = (await (
    await fetch(`${api}/policies/${ZHANG_PL01}/endorsements/options`, { headers: auth })
  ).json()) as EndorsementOptions;
  assert.ok(options.surrender, 'PL01 can be surrendered');
  const [id = ''] = await signedDrafts(
    getSystem(),
    'demo-customer-c001',
    ZHANG_PL01,
    { type: 'surrender', acknowledgedLossCents: options.surrender.lossCents },
    1,
  );
  const submitted = await fetch(`${api}/endorsements/${id}/submit`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: '{}',
  });
  const application = (await submitted.json()) as EndorsementApplication;
  assert.equal(application.status, 'submitted', 'the surrender waits in 保全审核');
  applicationId = id;
});

async function signedIn(page: Page, userId: string): Promise<void> {
  await agreeToPrivacyGuide(page, session.stack.appUrl);
  await signInAsDemoUser(page, userId);
}

async function openHome(page: Page): Promise<void> {
  await page.goto(`${session.stack.appUrl}/pages/home/index`);
  await page.getByTestId('home-todos').waitFor();
  await page.locator('[data-testid="todo"], [data-testid="todos-empty"]').first().waitFor();
}

const resultTodo = (page: Page) => page.locator('[data-testid="todo"][data-kind="result"]');

describe('the message centre', () => {
  it('staff approve 张伟’s reviewed surrender; he is told, sees the badge and the to-do, reads it, and both go', async () => {
    await onPhonePage(session.browser, 'messages-staff-approves', async (page) => {
      await signedIn(page, 'demo-staff-sh');
      await page.goto(
        `${session.stack.appUrl}/packages/endorsements/application/index?applicationId=${applicationId}`,
      );
      await page.getByTestId('decision-panel').waitFor();
      await page.getByTestId('approve').click();
      await page.getByTestId('decision').filter({ hasText: '审核通过' }).waitFor();
    });

    // The local schedule's job: the outbox's consumer tells him (WeChat not bound → SMS).
    const report = await deliverEndorsementEvents(deliverEndorsementEventsDeps(getSystem()));
    assert.equal(report.notified, 1);

    await onPhonePage(session.browser, 'messages-home-after-reading', async (page) => {
      await signedIn(page, 'demo-customer-c001');
      await openHome(page);
      await page.getByTestId('messages-unread').filter({ hasText: '1' }).waitFor();
      assert.match((await resultTodo(page).textContent()) ?? '', /申请结果：退保申请已审核通过/);
      await saveScreenshot(page, 'messages-home-unread');

      await page.getByTestId('entry-messages').click();
      const item = page.getByTestId('message-item').first();
      await item.waitFor();
      assert.equal(await item.getAttribute('data-read'), 'no');
      const text = (await item.textContent()) ?? '';
      assert.match(text, /退保申请已审核通过/);
      assert.match(text, /已通过短信发送/);
      assert.match((await page.getByTestId('messages-unread-count').textContent()) ?? '', /1 条未读/);
      await saveScreenshot(page, 'messages-centre');

      // Reading it opens its subject: his application.
      await item.click();
      await page.waitForURL(/endorsements\/application/);
      await page.getByTestId('endorsement-application').waitFor();
      assert.ok(page.url().includes(applicationId));

      await openHome(page);
      await page.getByTestId('entry-messages').waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-testid="messages-unread"]'));
      assert.equal(await resultTodo(page).count(), 0);
      assert.match((await page.getByTestId('entry-messages').textContent()) ?? '', /审核结果、还款到账/);
    });
  });

  it('shows a clear empty state to a customer with no messages', async () => {
    await onPhonePage(session.browser, 'messages-empty', async (page) => {
      await signedIn(page, 'demo-customer-c011');
      await page.goto(`${session.stack.appUrl}/packages/messages/centre/index`);
      await page.getByText('暂无消息').waitFor();
      await page.getByText('申请审核结果、还款到账、续期扣款等通知会出现在这里').waitFor();
    });
  });
});
