import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import {
  customer,
  endorsementSteps,
  expectFieldError,
  icbcCard,
  policyNo,
  signOnPad,
  statusText,
  verifyWithSandboxFace,
} from './support/endorsement-steps';
import { fillInput } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Endorsements (保全) that involve a second person, in the H5 build, on the file's own copy of the
 * demo data: 李娜 asks to repay her loan (paid in e2e/payments.test.ts); a loan above the automatic limit prepared by the agent with 王芳
 * present and approved by staff from 保全审核; 王芳's own loan at 61, rejected with a reason she
 * reads; holder ≠ insured, where 徐丽 consents through the link in her own WeChat.
 */
const session = useE2eSession();
const { journey, openForm, driveApplication } = endorsementSteps(session);

describe('endorsement journeys with review, consent or a loan to repay (保全)', () => {
  it('loan repayment: a partial payment below the interest is refused; the full balance awaits its payment', async () => {
    await journey('loan-repayment', 'demo-customer-c002', async (page) => {
      await openForm(page, policyNo('C002', 'PL02'), 'loan_repayment');
      await page.getByTestId('repayment-balance').waitFor();
      await page.getByTestId('repay-partial').click();
      await fillInput(page, '请输入金额（元）', '1');
      await expectFieldError(page, /部分还款须先结清应计利息，金额不能低于 ¥/);
      await page.getByTestId('repay-full').click();
      await page.getByTestId('repayment-preview').filter({ hasText: '贷款将全部结清' }).waitFor();
      await page.getByTestId('form-next').click();
      // No effect without the money: it waits 待支付 (paying it: e2e/payments.test.ts).
      await driveApplication(page, 'payment');
      assert.match(await statusText(page), /待支付/);
    });
  });

  it('a loan above the automatic limit goes to 保全审核 and staff of the branch approve it', async () => {
    const policy = policyNo('C004', 'AN02');
    let applicationId = '';
    // The agent prepares it with 王芳 present: she verifies and signs on the agent's phone.
    await journey('loan-review-agent', 'demo-agent-a001', async (page) => {
      await openForm(page, policy, 'policy_loan');
      await fillInput(page, '请输入金额（元）', '120000');
      await page.getByTestId('loan-preview').waitFor();
      // A single-premium annuity has no renewal account: the loan goes to a card of hers.
      await fillInput(page, `须为投保人 ${customer('C004').name}`, customer('C004').name);
      await fillInput(page, '请输入投保人本人的借记卡卡号', icbcCard('987654321098'));
      await page.getByTestId('card-bank').waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'review');
      applicationId = new URL(page.url()).searchParams.get('applicationId') ?? '';
      assert.match((await page.getByTestId('review-reasons').textContent()) ?? '', /超过 ¥100,000\.00/);
    });

    await journey('loan-review-staff', 'demo-staff-sh', async (page) => {
      await page.goto(`${session.stack.appUrl}/pages/home/index`);
      await page.getByTestId('entry-endorsement-reviews').click();
      await page.locator(`[data-testid="application-item"][data-application-id="${applicationId}"]`).click();
      await page.getByTestId('change-review').waitFor();
      await page.getByTestId('status-timeline').waitFor();
      await page.getByTestId('approve').click();
      await page.getByTestId('decision').filter({ hasText: '审核通过' }).waitFor();
      assert.match(await statusText(page), /已批准|已生效|已完成/);
    });
  });

  it('王芳 (61) borrows by herself: the loan goes to review, staff reject it with a reason she then reads', async () => {
    const policy = policyNo('C004', 'AN02');
    let applicationUrl = '';
    await journey('loan-reject-customer', 'demo-customer-c004', async (page) => {
      await openForm(page, policy, 'policy_loan');
      await fillInput(page, '请输入金额（元）', '5000');
      await fillInput(page, `须为投保人 ${customer('C004').name}`, customer('C004').name);
      await fillInput(page, '请输入投保人本人的借记卡卡号', icbcCard('987654321098'));
      await page.getByTestId('card-bank').waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'review');
      assert.match((await page.getByTestId('review-reasons').textContent()) ?? '', /60 周岁以上/);
      applicationUrl = page.url();
    });

    await journey('loan-reject-staff', 'demo-staff-sh', async (page) => {
      await page.goto(applicationUrl);
      await page.getByTestId('decision-panel').waitFor();
      await page.locator('textarea').fill('客户年满60周岁，请由业务员陪同到柜面核实资金用途后再申请');
      await page.getByTestId('reject').click();
      await page.getByTestId('decision').filter({ hasText: '审核不通过' }).waitFor();
    });

    await journey('loan-reject-seen', 'demo-customer-c004', async (page) => {
      await page.goto(applicationUrl);
      await page.getByTestId('decision').waitFor();
      assert.match(await statusText(page), /未通过/);
      assert.match(
        (await page.getByTestId('decision').textContent()) ?? '',
        /请由业务员陪同到柜面核实资金用途/,
      );
      assert.match((await page.getByTestId('status-timeline').textContent()) ?? '', /审核不通过/);
      // A rejected application ticks no step and leaves no empty "next step" card.
      assert.match((await page.getByTestId('application-ended').textContent()) ?? '', /审核未通过/);
      assert.equal(await page.getByTestId('next-step').count(), 0);
    });
  });

  it('holder ≠ insured: 吴刚 changes the beneficiaries, 徐丽 consents through the link in her own WeChat, then he submits', async () => {
    const policy = policyNo('C011', 'PL03');
    let link = '';
    await journey('consent-holder', 'demo-customer-c011', async (page) => {
      await openForm(page, policy, 'beneficiary_change');
      await page
        .getByTestId('beneficiary-notice')
        .filter({ hasText: '须本人验证身份并签署同意书' })
        .waitFor();
      const rows = page.getByTestId('beneficiary-row');
      await rows.nth(0).locator('input[placeholder="例如 50"]').fill('60');
      await rows
        .nth(0)
        .locator('input[placeholder="请输入 18 位身份证号码"]')
        .fill(customer('C011').idNumber);
      await page.getByTestId('beneficiary-add').click();
      const other = customer('C013');
      await rows.nth(1).locator('input[placeholder="受益人姓名"]').fill(other.name);
      await rows
        .nth(1)
        .getByTestId('relation-chip')
        .filter({ hasText: /^其他$/ })
        .click();
      await rows.nth(1).locator('input[placeholder="例如 50"]').fill('40');
      await rows.nth(1).locator('input[placeholder="请输入 18 位身份证号码"]').fill(other.idNumber);
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'insured-consent');
      link = ((await page.getByTestId('share-link').textContent()) ?? '').trim();
      assert.match(link, /applicationId=EA/);
    });

    await journey('consent-insured', 'demo-customer-c012', async (page) => {
      await page.goto(link);
      await page.getByTestId('insured-verify').click();
      await verifyWithSandboxFace(page);
      await page.getByTestId('insured-sign').click();
      await signOnPad(page);
      await page.getByTestId('insured-consent').waitFor({ state: 'detached' });
      assert.match(
        (await page.getByTestId('status-timeline').textContent()) ?? '',
        /被保险人验证身份并签署同意书/,
      );
    });

    await journey('consent-submit', 'demo-customer-c011', async (page) => {
      await page.goto(link);
      await driveApplication(page, 'result');
      assert.match(await statusText(page), /已生效|已完成/);
    });
  });
});
