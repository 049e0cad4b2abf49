import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { BILLING_HEADERS } from '@zhixiang/shared/notices/schemas';
import { describe, it } from 'vitest';
import { buildDemoData } from '../functions/src/seed/demo-data';
import { newPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, signInAsDemoUser, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';
import { postSigned } from './support/signed-post';

/**
 * E-letters and renewal notices in the H5 build: 张伟 subscribes to the electronic debit-success
 * letter and sets his renewal notices (SMS, no quiet hours), the billing system reports a
 * successful debit (a signed request from the test), the letter appears in 我的信函 and the SMS
 * outbox holds the message whose link opens the letter without signing in.
 */
const session = useE2eSession();

async function postDebitResult(body: Record<string, unknown>) {
  const response = await postSigned(
    `${session.stack.apiUrl}/billing/debit-results`,
    BILLING_HEADERS,
    process.env.BILLING_SIGNING_SECRET ?? '',
    body,
  );
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text) as { notice: string; letterId: string; nextDueDate: string };
}

describe('e-letters and renewal notices journey', () => {
  it('张伟 subscribes, sets his notices, and reads the debit-success letter the SMS links to', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c001');
      await page.goto(`${session.stack.appUrl}/pages/me/index`);
      await page.locator('.nut-cell', { hasText: '我的信函' }).click();
      await page.getByTestId('page-empty').waitFor();
      await tapButton(page, '信函与通知设置');

      // The default is what is delivered (e-letter and paper copy, unannounced), and the page says so.
      assert.match(
        (await page.getByTestId('subscription-rule').textContent()) ?? '',
        /未设置时为“电子 \+ 纸质信函”/,
      );
      const dividend = page.getByTestId('subscription-dividend_statement');
      assert.match((await dividend.textContent()) ?? '', /默认/);
      assert.match(
        (await page.getByTestId('delivery-dividend_statement-electronic_and_paper').getAttribute('class')) ??
          '',
        /zx-letters__choice--on/,
      );
      // One tap: the debit-success letter electronically only (no more paper).
      const electronic = page.getByTestId('delivery-debit_success_notice-electronic');
      await electronic.click();
      await page.waitForFunction(
        () =>
          document
            .querySelector('[data-testid="delivery-debit_success_notice-electronic"]')
            ?.className.includes('zx-letters__choice--on') ?? false,
      );

      // Renewal notices: 5 days ahead, by SMS only, no quiet hours (the test must not depend on the hour).
      await page.getByTestId('lead-days').locator('input').fill('5');
      await page.getByTestId('channel-wechat').click();
      await page.getByTestId('quiet-start').locator('input').fill('00:00');
      await page.getByTestId('quiet-end').locator('input').fill('00:00');
      // A typo is refused with the reason and nothing typed is lost.
      await page.getByTestId('lead-days').locator('input').fill('20');
      await page.getByTestId('save-preferences').click();
      await page.getByTestId('preference-problem').waitFor();
      assert.match(
        (await page.getByTestId('preference-problem').textContent()) ?? '',
        /提前天数应为 1–15 天/,
      );
      assert.equal(await page.getByTestId('quiet-start').locator('input').inputValue(), '00:00');
      await page.getByTestId('lead-days').locator('input').fill('5');
      await page.getByTestId('save-preferences').click();
      await page.getByTestId('preference-problem').waitFor({ state: 'detached' });
      await saveScreenshot(page, 'letters-settings');

      // The billing system reports the debit (signed like the real one).
      const policy = buildDemoData(todayInShanghai()).policies.find(
        (p) => p.holderId === 'C001' && p.nextDueDate && p.status === 'in_force',
      );
      assert.ok(policy?.nextDueDate, '张伟 has a premium falling due');
      const result = await postDebitResult({
        resultId: `e2e-${randomUUID().slice(0, 8)}`,
        policyNo: policy.policyNo,
        dueDate: policy.nextDueDate,
        amountCents: policy.premiumCents,
        outcome: 'success',
      });
      assert.equal(result.notice, 'sent');

      // 我的信函: the letter is there, unread, electronic only; opening it shows it and marks it read.
      await page.goto(`${session.stack.appUrl}/packages/letters/list/index`);
      const item = page.getByTestId('letter-item').first();
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /扣款成功通知.*未读.*已停寄纸质/s);
      // Counted from the delivered e-letters: one delivered, without a paper copy.
      const saved = (await page.getByTestId('paper-saved').textContent()) ?? '';
      assert.match(saved, /已收到电子信函 1 封，其中 1 封停寄纸质/);
      assert.match(saved, /1 张/);
      await item.click();
      await page.getByTestId('letter-view').waitFor();
      assert.match((await page.getByTestId('letter-view').textContent()) ?? '', /扣缴成功/);
      await saveScreenshot(page, 'letters-detail');
      await page.goBack();
      await page.waitForFunction(() =>
        /已读/.test(document.querySelector('[data-testid="letter-item"]')?.textContent ?? ''),
      );

      // The outbox shows the SMS with the letter's link; the link opens the letter without signing in.
      const outbox = (await readFile(session.stack.smsOutboxFile, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      const sms = outbox.reverse().find((line) => line.template === 'letter_link');
      assert.ok(sms, 'the notice SMS is in the outbox');
      assert.equal(sms.params[0], '扣款成功通知');
      const link = new URL(sms.params[1]);
      const stranger = await newPhonePage(session.browser);
      try {
        await stranger.page.goto(`${session.stack.appUrl}${link.pathname}${link.search}`);
        await stranger.page.getByTestId('letter-view').waitFor();
        assert.match((await stranger.page.getByTestId('letter-view').textContent()) ?? '', /尊敬的张伟/);
        // A forged link gets a clear page.
        await stranger.page.goto(
          `${session.stack.appUrl}${link.pathname}?token=${link.searchParams.get('token')?.slice(0, -2)}xx`,
        );
        await stranger.page.getByTestId('page-error').waitFor();
        assert.match((await stranger.page.getByTestId('page-error').textContent()) ?? '', /链接无效/);
      } finally {
        await stranger.context.close();
      }

      // 钱进 (Shanghai staff) reads the funnel: the SMS had no delivery receipt, but its link was
      // opened, so it counts as delivered — opened never exceeds delivered.
      const staff = await newPhonePage(session.browser);
      try {
        await agreeToPrivacyGuide(staff.page, session.stack.appUrl);
        await signInAsDemoUser(staff.page, 'demo-staff-sh');
        await staff.page.goto(`${session.stack.appUrl}/packages/letters/funnel/index`);
        const row = staff.page
          .getByTestId('funnel-row')
          .filter({ hasText: '扣款成功' })
          .filter({ hasText: '短信' });
        await row.waitFor();
        const cells = await row.locator('.zx-letters__table-cell').allTextContents();
        const [, eligible, , , delivered, opened] = cells.map((cell) => cell.trim());
        assert.equal(eligible, '1');
        assert.equal(delivered, '100%');
        assert.equal(opened, '100%');
        await saveScreenshot(staff.page, 'letters-funnel');
      } finally {
        await staff.context.close();
      }
    } catch (error) {
      await saveScreenshot(page, 'letters-failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
