import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { getSystem } from '../functions/src/system';
import { endorsementSteps, icbcCard, policyNo, statusText } from './support/endorsement-steps';
import { fillInput } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Loan repayments paid by WeChat Pay, in the H5 build against the local stack: the application
 * waits 待支付 until the 「微信支付沙箱」 pays (the sandbox posts WeChat Pay's signed, encrypted
 * notification through the real notification route), and only then does the loan fall. A failed
 * payment leaves it 待支付, to pay again. Or by the renewal account (续期账户扣款): the
 * 「续期扣款沙箱」 posts the billing system's signed debit result through the real debit-results
 * route — the loan falls, or the failure's reason shows and WeChat Pay pays instead. Payouts: an effective loan or withdrawal instructs the
 * finance system; the 「财务付款沙箱」 posts the finance system's signed result through the real
 * results route — 已到账 in the timeline, or a failure that the customer answers with another card
 * of their own, without applying again.
 */
const LI = 'demo-customer-c002';
const LI_PL02 = policyNo('C002', 'PL02');
const session = useE2eSession(async () => {
  // 李娜 opened the mini program in WeChat: her account has an openid to pay with.
  const users = getSystem().repositories.users;
  const user = await users.get(LI);
  assert.ok(user);
  await users.put({ ...user, openid: 'o-e2e-li-na' });
});
const { journey, openForm, driveApplication } = endorsementSteps(session);

const principal = async () =>
  (await getSystem().repositories.policies.get(LI_PL02))?.loan?.principalCents ?? 0;

async function payInSandbox(page: Page, outcome: 'success' | 'fail'): Promise<void> {
  await page.getByTestId('pay').click();
  await page.getByTestId('wechat-pay-sandbox').waitFor();
  await page.getByTestId(`sandbox-pay-${outcome}`).click();
  await page.getByTestId('wechat-pay-sandbox').waitFor({ state: 'detached' });
}

describe('loan repayments paid by WeChat Pay (local sandbox)', () => {
  it('a partial repayment waits 待支付, is paid in the sandbox, and the loan balance falls', async () => {
    const before = await principal();
    await journey('repayment-paid', LI, async (page) => {
      await openForm(page, LI_PL02, 'loan_repayment');
      await page.getByTestId('repayment-balance').waitFor();
      await page.getByTestId('repay-partial').click();
      await fillInput(page, '请输入金额（元）', '5000');
      await page.getByTestId('repayment-preview').waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'payment');
      assert.match(await statusText(page), /待支付/);
      assert.equal(await principal(), before, 'nothing changes before the money arrives');
      await payInSandbox(page, 'success');
      await page.getByTestId('application-result').waitFor();
      assert.match(await statusText(page), /已完成|已生效/);
      const timeline = (await page.getByTestId('status-timeline').textContent()) ?? '';
      assert.match(timeline, /发起微信支付/);
      assert.match(timeline, /收到还款/);
    });
    const after = await principal();
    assert.ok(after < before && after > 0, `the loan fell from ${before} to ${after}`);
  });

  it('a partial repayment debited from the renewal account (续期扣款沙箱: success), and the loan falls', async () => {
    const before = await principal();
    await journey('repayment-debited', LI, async (page) => {
      await openForm(page, LI_PL02, 'loan_repayment');
      await page.getByTestId('repay-partial').click();
      await fillInput(page, '请输入金额（元）', '2000');
      await page.getByTestId('repayment-preview').waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'payment');
      // The renewal account on file, masked, with the expected timing.
      const option = page.getByTestId('channel-debit');
      assert.match((await option.textContent()) ?? '', /\*{4} \*{4} \*{4} \d{4}.*1 个工作日内/);
      await option.click();
      await page.getByTestId('debit').click();
      await page.getByTestId('debit-in-progress').waitFor();
      assert.equal(await page.getByTestId('debit-status').textContent(), '扣款中');
      assert.equal(await principal(), before, 'nothing changes before the money arrives');
      await page.getByTestId('billing-sandbox-success').click();
      await page.getByTestId('application-result').waitFor();
      const timeline = (await page.getByTestId('status-timeline').textContent()) ?? '';
      assert.match(timeline, /发起续期账户扣款/);
      assert.match(timeline, /收到还款/);
    });
    const after = await principal();
    assert.ok(after < before && after > 0, `the loan fell from ${before} to ${after}`);
  });

  it('a debit that fails (余额不足) goes back to 待支付 with the reason, then WeChat Pay pays it', async () => {
    const before = await principal();
    await journey('repayment-debit-failed-then-wechat-pay', LI, async (page) => {
      await openForm(page, LI_PL02, 'loan_repayment');
      await page.getByTestId('repay-partial').click();
      await fillInput(page, '请输入金额（元）', '1000');
      await page.getByTestId('repayment-preview').waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'payment');
      await page.getByTestId('channel-debit').click();
      await page.getByTestId('debit').click();
      await page.getByTestId('billing-sandbox-failure').click();
      await page.getByTestId('debit-failure').waitFor();
      assert.match((await page.getByTestId('debit-failure').textContent()) ?? '', /余额不足.*可改用微信支付/);
      assert.match(await statusText(page), /待支付/);
      // WeChat Pay is offered first after the failure.
      assert.equal(await page.getByTestId('channel-wechat').getAttribute('aria-checked'), 'true');
      await payInSandbox(page, 'success');
      await page.getByTestId('application-result').waitFor();
      const timeline = (await page.getByTestId('status-timeline').textContent()) ?? '';
      assert.match(timeline, /续期账户扣款失败/);
      assert.match(timeline, /发起微信支付/);
    });
    assert.ok((await principal()) < before, 'the loan fell once WeChat Pay paid');
  });

  it('a failed payment leaves it 待支付; paid on the second try, the loan is cleared', async () => {
    await journey('repayment-failed-then-paid', LI, async (page) => {
      await openForm(page, LI_PL02, 'loan_repayment');
      await page.getByTestId('repay-full').click();
      await page.getByTestId('repayment-preview').filter({ hasText: '贷款将全部结清' }).waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'payment');
      await payInSandbox(page, 'fail');
      // The page shows the closed order once it has read the application again: wait for that.
      await page.getByText('支付未完成，支付单已关闭').first().waitFor();
      await page.getByTestId('pay').waitFor();
      assert.match(await statusText(page), /待支付/);
      await payInSandbox(page, 'success');
      await page.getByTestId('application-result').waitFor();
    });
    assert.equal((await getSystem().repositories.policies.get(LI_PL02))?.loan, null);
  });
});

const ZHANG = 'demo-customer-c001';
const ZHANG_PL01 = policyNo('C001', 'PL01');

const timelineText = async (page: Page) => (await page.getByTestId('status-timeline').textContent()) ?? '';
const payoutStatus = (page: Page, label: string) =>
  page.getByTestId('payout-status').filter({ hasText: label }).waitFor();

describe('payouts to the finance system (local finance sandbox)', () => {
  it('a loan approved, then paid out: 已到账 in the timeline', async () => {
    await journey('payout-paid', ZHANG, async (page) => {
      await openForm(page, ZHANG_PL01, 'policy_loan');
      await fillInput(page, '请输入金额（元）', '10000');
      await page.getByTestId('loan-preview').waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'result');
      await payoutStatus(page, '待付款');
      assert.match((await page.getByTestId('payout').textContent()) ?? '', /付款 ¥10,000\.00/);
      assert.match(await timelineText(page), /已发起付款/);
      await page.getByTestId('finance-sandbox-paid').click();
      await payoutStatus(page, '已付款');
      await page.getByTestId('finance-sandbox').waitFor({ state: 'detached' });
      assert.match(await timelineText(page), /已到账/);
    });
  });

  it('a payout failed for a closed card; the customer gives a new card of their own, then it is paid', async () => {
    const newCard = icbcCard('000099887766');
    await journey('payout-failed-new-card', ZHANG, async (page) => {
      await openForm(page, ZHANG_PL01, 'dividend_withdrawal');
      await fillInput(page, '请输入金额（元）', '1000');
      await page.getByTestId('dividend-preview').waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'result');
      await payoutStatus(page, '待付款');
      await page.getByTestId('finance-sandbox-failed').click();
      await payoutStatus(page, '付款失败');
      assert.match((await page.getByTestId('payout-failure').textContent()) ?? '', /账户已销户/);
      assert.match(await timelineText(page), /付款失败/);

      await page.getByTestId('change-payout-account').click();
      const form = page.getByTestId('payout-account');
      await form.waitFor();
      const fill = (placeholder: string, value: string) =>
        form.locator(`input[placeholder="${placeholder}"]`).fill(value);
      // Not his: the account holder must be the policyholder.
      await fill('与投保人姓名一致', '李娜');
      await fill('请输入投保人本人的借记卡卡号', newCard);
      await form.getByTestId('form-next').click();
      await form.getByTestId('field-error').filter({ hasText: /户名/ }).first().waitFor();
      await fill('与投保人姓名一致', '张伟');
      await form.getByTestId('form-next').click();

      await page.waitForURL(/endorsements\/application/);
      await payoutStatus(page, '待付款');
      assert.match((await page.getByTestId('payout').textContent()) ?? '', new RegExp(newCard.slice(-4)));
      assert.match(await timelineText(page), /更换收款账户/);
      await page.getByTestId('finance-sandbox-paid').click();
      await payoutStatus(page, '已付款');
      assert.match(await timelineText(page), /已到账/);
    });
  });
});
