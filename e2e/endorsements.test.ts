import assert from 'node:assert/strict';
import { luhnCheckDigit } from '@zhixiang/shared/endorsement/renewal-account-change';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { readLatestSandboxCode } from '../functions/src/platform/sms/sandbox-outbox-sms';
import { buildDemoData, DEMO_CUSTOMERS } from '../functions/src/seed/demo-data';
import { newPhonePage, saveScreenshot } from './support/browser';
import {
  agreeToPrivacyGuide,
  demoAccessToken,
  drawOnSignaturePad,
  fillInput,
  HANDWRITTEN_NAME,
  inputValue,
  signInAsDemoUser,
  tapButton,
} from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Endorsements (保全) in the H5 build, on the file's own copy of the demo data: for each of the
 * seven types the happy path through review, identity (the 「模拟人脸核身」 sandbox), signature
 * (mouse strokes on the pad), submission and result, and a refused path with its field message;
 * the agent-assisted beneficiary change the customer finishes through the shared link; a loan above
 * the automatic limit approved by staff from 保全审核. Each journey starts on its form by URL (the
 * way there — policy detail → 保全服务 — is walked once). Journeys use different policies where
 * one's change would change another's figures.
 */
const session = useE2eSession();

const demo = buildDemoData(todayInShanghai());
function policyNo(holderId: string, productCode: string): string {
  const policy = demo.policies.find((p) => p.holderId === holderId && p.productCode === productCode);
  assert.ok(policy, `demo policy ${productCode} of ${holderId}`);
  return policy.policyNo;
}
function customer(customerId: string) {
  const found = DEMO_CUSTOMERS.find((c) => c.customerId === customerId);
  assert.ok(found, `demo customer ${customerId}`);
  return found;
}

/** A card number of the demo's first supported bank (中国工商银行, BIN 622202) that passes Luhn. */
function icbcCard(body: string): string {
  const payload = `622202${body}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

const applyUrl = (policy: string, type: string) =>
  `${session.stack.appUrl}/packages/endorsements/apply/index?policyNo=${policy}&type=${type}`;

async function journey(name: string, userId: string, run: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPhonePage(session.browser);
  try {
    await agreeToPrivacyGuide(page, session.stack.appUrl);
    await signInAsDemoUser(page, userId);
    await run(page);
  } finally {
    await saveScreenshot(page, `endorsements-${name}`);
    await context.close();
  }
}

async function openForm(page: Page, policy: string, type: string): Promise<void> {
  await page.goto(applyUrl(policy, type));
  await page.getByTestId('endorsement-apply').waitFor();
}

async function expectFieldError(page: Page, pattern: RegExp, testId = 'field-error'): Promise<void> {
  const error = page.getByTestId(testId).filter({ hasText: pattern }).first();
  await error.waitFor();
}

/**
 * The form refused: no application is being created (下一步 turns busy at once when it creates one)
 * and the page stayed.
 */
async function expectStillOnForm(page: Page): Promise<void> {
  await page.getByTestId('form-next').filter({ hasNotText: '正在生成申请' }).waitFor();
  assert.match(page.url(), /endorsements\/apply/);
}

async function isShown(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).first().isVisible();
}

/** On the identity page (opened by the application page): consent if asked, then the sandbox face succeeds. */
async function verifyWithSandboxFace(page: Page): Promise<void> {
  await page.waitForURL(/packages\/identity\/verify/);
  const ready = page
    .locator('[data-testid="identity-consent"], [data-testid="identity-verified"], taro-button-core')
    .filter({ hasText: /人脸及身份证件信息处理授权|身份核验已完成|开始刷脸/ })
    .first();
  await ready.waitFor();
  if (await isShown(page, 'identity-consent')) {
    await tapButton(page, '同意并继续');
    await page.locator('taro-button-core', { hasText: '开始刷脸' }).waitFor();
  }
  if (await isShown(page, 'identity-verified')) {
    await tapButton(page, '返回继续办理');
  } else {
    await tapButton(page, '开始刷脸');
    await page.getByTestId('sandbox-face').waitFor();
    await tapButton(page, '核身成功（本人）');
  }
  await page.waitForURL(/endorsements\/application/, { timeout: 20_000 });
}

async function signOnPad(page: Page): Promise<void> {
  await page.waitForURL(/packages\/documents\/sign/);
  await page.getByTestId('sign-summary').waitFor();
  await drawOnSignaturePad(page, HANDWRITTEN_NAME);
  await page.getByTestId('submit-signature').click();
  await page.waitForURL(/endorsements\/application/, { timeout: 30_000 });
}

/** What the application page shows once it knows its next step. */
const NEXT_STEP_STATES = [
  'application-error',
  'application-result',
  'insured-consent',
  'awaiting-review',
  'go-verify',
  'go-sign',
  'send-phone-code',
  'submit-application',
]
  .map((testId) => `[data-testid="${testId}"]`)
  .join(', ');

/**
 * Follows the application page's next step until the result (or the review queue): identity,
 * signature, the new phone's SMS code, submission. Which steps come is the server's `nextStep`.
 */
async function driveApplication(
  page: Page,
  until: 'result' | 'review' | 'insured-consent',
  newPhone?: string,
): Promise<{ steps: string[] }> {
  await page.waitForURL(/endorsements\/application/);
  const steps: string[] = [];
  for (let round = 0; round < 10; round++) {
    await page.getByTestId('next-step').waitFor();
    await page.locator(NEXT_STEP_STATES).filter({ visible: true }).first().waitFor();
    if (await isShown(page, 'application-error'))
      throw new Error(`refused: ${await page.getByTestId('application-error').textContent()}`);
    if (await isShown(page, 'application-result')) return { steps };
    if (until === 'insured-consent' && (await isShown(page, 'insured-consent'))) return { steps };
    if (await isShown(page, 'awaiting-review')) {
      assert.equal(until, 'review', 'the application went to review');
      return { steps };
    }
    if (await isShown(page, 'go-verify')) {
      steps.push('identity');
      await page.getByTestId('go-verify').click();
      await verifyWithSandboxFace(page);
      await page.getByTestId('go-verify').waitFor({ state: 'detached' });
    } else if (await isShown(page, 'go-sign')) {
      steps.push('signature');
      await page.getByTestId('go-sign').click();
      await signOnPad(page);
      await page.getByTestId('go-sign').waitFor({ state: 'detached' });
    } else if (await isShown(page, 'send-phone-code')) {
      assert.ok(newPhone, 'a new phone was typed');
      steps.push('phone');
      await page.getByTestId('send-phone-code').click();
      // The countdown starts once the server has sent the code.
      await page.getByTestId('send-phone-code').filter({ hasText: '秒后可重发' }).waitFor();
      const code = await readLatestSandboxCode(session.stack.smsOutboxFile, newPhone);
      assert.ok(code, 'the code reached the new phone');
      await fillInput(page, '6 位验证码', code);
      await page.getByTestId('submit-application').click();
      await page.getByTestId('send-phone-code').waitFor({ state: 'detached' });
    } else if (await isShown(page, 'submit-application')) {
      steps.push('submit');
      await page.getByTestId('submit-application').click();
      await page
        .locator(
          '[data-testid="application-result"], [data-testid="awaiting-review"], [data-testid="application-error"]',
        )
        .first()
        .waitFor({ timeout: 30_000 });
    }
  }
  throw new Error(`the application did not finish: ${steps.join(' → ')}`);
}

async function statusText(page: Page): Promise<string> {
  return ((await page.getByTestId('application-status').textContent()) ?? '').trim();
}

describe('endorsement journeys (保全)', () => {
  it('contact change: a short phone is refused as typed; a new address and phone take effect after the SMS code', async () => {
    await journey('contact-change', 'demo-customer-c001', async (page) => {
      // The way in: policy detail → 保全服务 → 联系方式变更.
      await page.goto(
        `${session.stack.appUrl}/pages/policy-detail/index?policyNo=${policyNo('C001', 'CI03')}`,
      );
      await page.locator('[data-testid="endorsement-action"][data-type="contact_change"]').click();
      await page.getByTestId('endorsement-apply').waitFor();

      await fillInput(page, '11 位手机号码，变更后需短信验证', '12345');
      await expectFieldError(page, /手机号码应为 11 位数字，当前为 5 位/);
      await page.getByTestId('form-next').click();
      await expectStillOnForm(page);

      const newPhone = '13912345678';
      await fillInput(page, '11 位手机号码，变更后需短信验证', newPhone);
      await fillInput(page, '省市区、街道及门牌号', '上海市浦东新区世纪大道100号12楼');
      await page.getByTestId('form-next').click();
      await page.getByTestId('change-review').waitFor();
      assert.match((await page.getByTestId('change-review').textContent()) ?? '', /世纪大道100号12楼/);
      // 返回修改 withdraws the draft and returns to the form exactly as it was typed.
      await tapButton(page, '返回修改');
      await page.locator('.taro-model__confirm:visible').click();
      await page.waitForURL(/endorsements\/apply/);
      assert.equal(await inputValue(page, '11 位手机号码，变更后需短信验证'), newPhone);
      await page.getByTestId('form-next').click();
      await page.getByTestId('change-review').waitFor();
      await driveApplication(page, 'result', newPhone);
      assert.match(await statusText(page), /已生效|已完成/);
    });
  });

  it('beneficiary change: shares summing to 99% are refused at the table; the server’s refusal shows at its row', async () => {
    await journey('beneficiary-refused', 'demo-customer-c001', async (page) => {
      await openForm(page, policyNo('C001', 'PL01'), 'beneficiary_change');
      await page.getByTestId('beneficiary-add').click();
      const rows = page.getByTestId('beneficiary-row');
      await rows.nth(1).waitFor();
      const spouse = customer('C002');
      const daughter = customer('C003');
      await rows.nth(0).locator('input[placeholder="受益人姓名"]').fill(spouse.name);
      await rows.nth(0).locator('input[placeholder="例如 50"]').fill('50');
      await rows.nth(0).locator('input[placeholder="请输入 18 位身份证号码"]').fill(spouse.idNumber);
      await rows.nth(1).locator('input[placeholder="受益人姓名"]').fill(daughter.name);
      await rows
        .nth(1)
        .getByTestId('relation-chip')
        .filter({ hasText: /^子女$/ })
        .click();
      await rows.nth(1).locator('input[placeholder="例如 50"]').fill('49');
      await rows.nth(1).locator('input[placeholder="请输入 18 位身份证号码"]').fill(daughter.idNumber);
      await page.getByTestId('share-total').filter({ hasText: '第 1 顺位合计 99%' }).waitFor();
      await page.getByTestId('form-next').click();
      await expectFieldError(page, /第 1 顺位受益人的受益比例合计为 99%，应为 100%/, 'table-error');
      await expectStillOnForm(page);
      // Nothing typed is lost: 49 → 50 and it is complete.
      await rows.nth(1).locator('input[placeholder="例如 50"]').fill('50');
      await page.getByTestId('share-total').filter({ hasText: '第 1 顺位合计 100% ✓' }).waitFor();
      assert.equal(await rows.nth(0).locator('input[placeholder="受益人姓名"]').inputValue(), spouse.name);

      // The server's refusal lands at its field: 张伟 insures himself and cannot be his own beneficiary.
      await rows
        .nth(0)
        .locator('input[placeholder="请输入 18 位身份证号码"]')
        .fill(customer('C001').idNumber);
      await page.getByTestId('form-next').click();
      await rows.nth(0).getByText('被保险人本人不能作为身故保险金受益人').waitFor();
      await expectStillOnForm(page);
      assert.equal(await rows.nth(1).locator('input[placeholder="例如 50"]').inputValue(), '50');
    });
  });

  it('agent-assisted beneficiary change: the agent prepares it, the customer verifies and signs through the shared link', async () => {
    const policy = policyNo('C001', 'CI01');
    let link = '';
    await journey('beneficiary-agent', 'demo-agent-a001', async (page) => {
      await page.goto(
        `${session.stack.appUrl}/packages/endorsements/customer/index?customerId=C001&name=${encodeURIComponent('张伟')}`,
      );
      await page
        .locator(`[data-testid="endorsement-actions"][data-policy-no="${policy}"]`)
        .locator('[data-testid="endorsement-action"][data-type="beneficiary_change"]')
        .click();
      await page.getByTestId('beneficiary-table').waitFor();
      const rows = page.getByTestId('beneficiary-row');
      // The current beneficiaries (李娜 60%, 张小雨 40%) come pre-filled; their ID numbers are typed again.
      await rows.nth(1).waitFor();
      await rows.nth(0).locator('input[placeholder="例如 50"]').fill('70');
      await rows
        .nth(0)
        .locator('input[placeholder="请输入 18 位身份证号码"]')
        .fill(customer('C002').idNumber);
      await rows.nth(1).locator('input[placeholder="例如 50"]').fill('30');
      await rows
        .nth(1)
        .locator('input[placeholder="请输入 18 位身份证号码"]')
        .fill(customer('C003').idNumber);
      await page.getByTestId('share-total').filter({ hasText: '100% ✓' }).waitFor();
      await page.getByTestId('form-next').click();
      await page.getByTestId('share-link').waitFor();
      link = ((await page.getByTestId('share-link').textContent()) ?? '').trim();
      assert.match(link, /\/packages\/endorsements\/application\/index\?applicationId=EA/);
      assert.match((await page.getByTestId('endorsement-application').textContent()) ?? '', /业务员 .+ 代办/);
    });

    await journey('beneficiary-customer-link', 'demo-customer-c001', async (page) => {
      await page.goto(link);
      await page.getByTestId('change-review').waitFor();
      assert.match((await page.getByTestId('change-review').textContent()) ?? '', /70%/);
      const { steps } = await driveApplication(page, 'result');
      assert.deepEqual(steps.slice(0, 2), ['identity', 'signature']);
      assert.match(await statusText(page), /已生效|已完成/);
      const timeline = (await page.getByTestId('status-timeline').textContent()) ?? '';
      assert.match(timeline, /业务员/);
      assert.match(timeline, /投保人签署批单/);
    });
  });

  it('policy loan: above the quota is refused at the amount; ¥10,000 is lent after identity and signature', async () => {
    await journey('policy-loan', 'demo-customer-c001', async (page) => {
      await openForm(page, policyNo('C001', 'PL01'), 'policy_loan');
      const quota = (await page.getByTestId('loan-quota').textContent()) ?? '';
      assert.match(quota, /可贷金额 ¥[\d,]+\.\d{2}，年利率 5\.00%/);
      await fillInput(page, '请输入金额（元）', '100000');
      await expectFieldError(page, /贷款金额不能超过可贷金额 ¥[\d,]+\.\d{2}/);
      await page.getByTestId('form-next').click();
      await expectStillOnForm(page);

      await fillInput(page, '请输入金额（元）', '10000');
      await page.getByTestId('loan-preview').waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'result');
      assert.match(await statusText(page), /已生效|已完成/);
    });
  });

  it('loan repayment: a partial payment below the interest is refused; the full balance is repaid', async () => {
    await journey('loan-repayment', 'demo-customer-c002', async (page) => {
      await openForm(page, policyNo('C002', 'PL02'), 'loan_repayment');
      await page.getByTestId('repayment-balance').waitFor();
      await page.getByTestId('repay-partial').click();
      await fillInput(page, '请输入金额（元）', '1');
      await expectFieldError(page, /部分还款须先结清应计利息，金额不能低于 ¥/);
      await page.getByTestId('repay-full').click();
      await page.getByTestId('repayment-preview').filter({ hasText: '贷款将全部结清' }).waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'result');
      assert.match(await statusText(page), /已生效|已完成/);
    });
  });

  it('dividend withdrawal: more than accumulated is refused; ¥1,000 is paid out', async () => {
    await journey('dividend-withdrawal', 'demo-customer-c001', async (page) => {
      await openForm(page, policyNo('C001', 'PL01'), 'dividend_withdrawal');
      const balance = (await page.getByTestId('dividend-balance').textContent()) ?? '';
      const accumulated = /可领取红利 (¥[\d,]+\.\d{2})/.exec(balance)?.[1];
      assert.ok(accumulated, balance);
      await fillInput(page, '请输入金额（元）', '999999');
      await expectFieldError(
        page,
        new RegExp(`领取金额不能超过累积红利 ${accumulated.replace(/[$.]/g, '\\$&')}`),
      );
      await fillInput(page, '请输入金额（元）', '1000');
      await page.getByTestId('dividend-preview').waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'result');
      assert.match(await statusText(page), /已生效|已完成/);
    });
  });

  it('dividend option change: the current option is refused; another one takes effect', async () => {
    await journey('dividend-option', 'demo-customer-c001', async (page) => {
      await openForm(page, policyNo('C001', 'PL01'), 'dividend_option_change');
      await page.getByTestId('dividend-choice').filter({ hasText: '（当前）' }).click();
      await expectFieldError(page, /当前已是“.+”，请选择其他方式/);
      await page.getByTestId('dividend-choice').filter({ hasNotText: '（当前）' }).first().click();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'result');
      assert.match(await statusText(page), /已生效|已完成/);
    });
  });

  it('renewal account change: a card in another name is refused; the holder’s own card takes effect', async () => {
    await journey('renewal-account', 'demo-customer-c001', async (page) => {
      await openForm(page, policyNo('C001', 'CI01'), 'renewal_account_change');
      await fillInput(page, '与投保人姓名一致', '李娜');
      await fillInput(page, '请输入投保人本人的借记卡卡号', icbcCard('123456789012'));
      await expectFieldError(page, /银行卡户名须与投保人姓名一致，请使用投保人本人的银行卡/);
      await page.getByTestId('form-next').click();
      await expectStillOnForm(page);
      await fillInput(page, '与投保人姓名一致', '张伟');
      await page.getByTestId('card-bank').filter({ hasText: '中国工商银行' }).waitFor();
      await page.getByTestId('form-next').click();
      await driveApplication(page, 'result');
      assert.match(await statusText(page), /已生效|已完成/);
    });
  });

  it('surrender: the loss is shown plainly; cancelling the confirmation changes nothing; confirming surrenders', async () => {
    await journey('surrender', 'demo-customer-c001', async (page) => {
      await openForm(page, policyNo('C001', 'AN01'), 'surrender');
      const quote = (await page.getByTestId('surrender-quote').textContent()) ?? '';
      assert.match(quote, /犹豫期内退保/);
      assert.match(quote, /您已交保费 ¥[\d,]+\.\d{2}，.*可领取 ¥[\d,]+\.\d{2}/);

      await page.getByTestId('form-next').click();
      await page.locator('.taro-model__cancel:visible').click();
      await expectStillOnForm(page);
      const token = await demoAccessToken(session.stack.apiUrl, 'demo-customer-c001');
      const mine = (await (
        await fetch(`${session.stack.apiUrl}/me/endorsements`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { applications: Array<{ type: string }> };
      assert.ok(
        !mine.applications.some((a) => a.type === 'surrender'),
        'no surrender application was created',
      );

      await page.getByTestId('form-next').click();
      await page.locator('.taro-model__confirm:visible').click();
      await driveApplication(page, 'result');
      assert.match(await statusText(page), /已生效|已完成/);
    });
  });

  it('我的申请 lists 张伟’s applications newest first with their state, and the detail shows the timeline', async () => {
    await journey('my-applications', 'demo-customer-c001', async (page) => {
      await page.goto(`${session.stack.appUrl}/pages/me/index`);
      await page.locator('.nut-cell', { hasText: '我的申请' }).click();
      const items = page.getByTestId('application-item');
      await items.first().waitFor();
      const texts = await items.allTextContents();
      assert.ok(texts.length >= 6, `applications: ${texts.length}`);
      assert.match(texts[0] ?? '', /退保/);
      await items.first().click();
      await page.getByTestId('status-timeline').waitFor();
      const entries = await page.getByTestId('timeline-entry').allTextContents();
      assert.match(entries[0] ?? '', /创建申请/);
      assert.match(entries.at(-1) ?? '', /生效|批单/);
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
