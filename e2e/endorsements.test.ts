import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import {
  customer,
  endorsementSteps,
  expectFieldError,
  expectStillOnForm,
  icbcCard,
  policyNo,
  statusText,
} from './support/endorsement-steps';
import { demoAccessToken, fillInput, inputValue, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Endorsements (保全) of 张伟 in the H5 build, on the file's own copy of the demo data: for each
 * type he can apply for himself the happy path through review, identity (the 「模拟人脸核身」
 * sandbox), signature (mouse strokes on the pad), submission and result, and a refused path with
 * its field message; the agent-assisted beneficiary change he finishes through the shared link; 我的申请
 * with them all. Each journey starts on its form by URL (the way there — policy detail → 保全服务 —
 * is walked once). Journeys use different policies where one's change would change another's
 * figures.
 */
const session = useE2eSession();
const { journey, openForm, driveApplication } = endorsementSteps(session);

describe('endorsement journeys of 张伟 (保全)', () => {
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
      assert.match(timeline, /投保人签署申请书/);
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
      // The surrender took effect; its refund then went to finance as a payout instruction.
      assert.ok(
        entries.some((entry) => /生效/.test(entry)),
        entries.join(' | '),
      );
      assert.match(entries.at(-1) ?? '', /生效|批单|发起付款|到账/);
    });
  });
});
