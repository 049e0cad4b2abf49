import assert from 'node:assert/strict';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { readLatestSandboxCode } from '../functions/src/platform/sms/sandbox-outbox-sms';
import { DEMO_PAYEE_CARD_NUMBER } from '../functions/src/seed/demo-endorsements';
import { getSystem } from '../functions/src/system';
import {
  approvedAuthorisation,
  TRUSTEE_ID_NUMBER,
  TRUSTEE_PHONE,
} from '../functions/test/support/approved-authorisation';
import { newPhonePage, saveScreenshot } from './support/browser';
import {
  endorsementSteps,
  icbcCard,
  policyNo,
  signOnPad,
  verifyWithSandboxFace,
} from './support/endorsement-steps';
import {
  agreeToPrivacyGuide,
  demoAccessToken,
  fillInput,
  signInAsDemoUser,
  tapButton,
} from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * The trustee (受托人) in the browser: a WeChat user with no policy of their own opens 受托办理,
 * binds 张伟's approved video authorisation (its reference, their ID, the code texted to the phone
 * 张伟 recorded), surrenders his annuity with the refund to the authorised account (another account
 * is refused), finds an authorisation past its validity refused, and a contact change refused the
 * moment 张伟 revokes the authorisation it stands on. And 上海分公司's staff processing a matter of
 * an approved authorisation themselves (柜面代办), from its review page.
 */
const TRUSTEE = 'demo-unbound';
const AUTHORISED_CARD = icbcCard('100087654321');
const ANNUITY = policyNo('C001', 'AN01');
const PARTICIPATING = policyNo('C001', 'PL01');
const SURRENDER = 'SQ20261201B0000001';
const EXPIRED = 'SQ20261201B0000002';
const CONTACT = 'SQ20261201B0000003';
const COUNTER = 'SQ20261201B0000004';
// 张伟's cover of his daughter: the seed leaves a contact change open on his own critical-illness policy.
const DAUGHTERS_COVER = policyNo('C001', 'CI03');

const refundAccount = { cardHolderName: '张伟', accountNumber: AUTHORISED_CARD, bankName: '中国工商银行' };

const session = useE2eSession(async () => {
  const { authorisations, users } = getSystem().repositories;
  const bound = { userId: TRUSTEE, boundAt: new Date().toISOString() };
  // Written as a binding is: the trustee's link and the audit event with the record.
  const asBound = { audit: { action: 'trustee_bound' as const, byUserId: TRUSTEE, at: bound.boundAt } };
  assert.ok(
    await authorisations.put(approvedAuthorisation(SURRENDER, { policyNos: [ANNUITY], refundAccount }), null),
  );
  // Bound earlier, its validity ended yesterday.
  assert.ok(
    await authorisations.put(
      approvedAuthorisation(
        EXPIRED,
        {
          policyNos: [PARTICIPATING],
          matters: ['contact_change'],
          validUntil: addDays(todayInShanghai(), -1),
        },
        bound,
      ),
      null,
      asBound,
    ),
  );
  assert.ok(
    await authorisations.put(
      approvedAuthorisation(CONTACT, { policyNos: [PARTICIPATING], matters: ['contact_change'] }, bound),
      null,
      asBound,
    ),
  );
  // Staff process this one at the counter (no trustee bound).
  assert.ok(
    await authorisations.put(
      approvedAuthorisation(COUNTER, { policyNos: [DAUGHTERS_COVER], matters: ['contact_change'] }),
      null,
    ),
  );
  assert.ok(await users.get(TRUSTEE), 'the unbound demo user');
});
const { driveApplication } = endorsementSteps(session);

async function api(userId: string, method: string, path: string, body?: unknown) {
  const token = await demoAccessToken(session.stack.apiUrl, userId);
  const response = await fetch(`${session.stack.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as { message?: string } };
}

async function asTrustee(name: string, run: (page: Page) => Promise<void>) {
  const { context, page } = await newPhonePage(session.browser);
  try {
    await agreeToPrivacyGuide(page, session.stack.appUrl);
    await signInAsDemoUser(page, TRUSTEE);
    await run(page);
  } finally {
    await saveScreenshot(page, `trustee-${name}`);
    await context.close();
  }
}

async function openTrusteePage(page: Page) {
  await page.goto(`${session.stack.appUrl}/pages/me/index`);
  await page
    .locator('.nut-cell')
    .filter({ has: page.getByText('受托办理', { exact: true }) })
    .click();
  await page.getByTestId('trustee-page').waitFor();
}

describe('the trustee acting on a video authorisation', () => {
  it('binds 张伟’s authorisation and surrenders his annuity, the refund to the authorised account', async () => {
    await asTrustee('surrender', async (page) => {
      await openTrusteePage(page);
      await fillInput(page, 'SQ 开头的 18 位编号', SURRENDER);
      await fillInput(page, '与授权中登记的一致', '李娜');
      await page.getByTestId('id-type-id_card').click();
      await fillInput(page, '请填写证件号码', TRUSTEE_ID_NUMBER);
      await tapButton(page, '获取验证码');
      await page.getByTestId('code-sent').getByText('139****5678', { exact: false }).waitFor();
      const code = await readLatestSandboxCode(session.stack.smsOutboxFile, TRUSTEE_PHONE);
      assert.ok(code, 'the code reached the phone 张伟 recorded');
      await fillInput(page, '6 位数字', code);
      await page.getByTestId('bind-trustee').click();
      const card = page.getByTestId('trustee-authorisation').filter({ hasText: SURRENDER });
      await card.getByText('张* 的委托', { exact: false }).waitFor();

      // Money goes only to the authorised account: another card is refused by the server.
      const refused = await api(
        TRUSTEE,
        'POST',
        `/policies/${ANNUITY}/endorsements?authorisationId=${SURRENDER}`,
        {
          type: 'surrender',
          acknowledgedLossCents: 1000,
          payeeCard: { cardHolderName: '张伟', cardNumber: DEMO_PAYEE_CARD_NUMBER },
        },
      );
      assert.equal(refused.status, 403);
      assert.match(refused.body.message ?? '', /^受托人代办的款项只能转入授权指定的账户/);

      await card.getByTestId(`act-${ANNUITY}-surrender`).click();
      await page.getByTestId('endorsement-apply').waitFor();
      await page.getByTestId('trustee-note').getByText(SURRENDER, { exact: false }).waitFor();
      await page
        .getByTestId('authorised-payee')
        .getByText(AUTHORISED_CARD.slice(-4), { exact: false })
        .waitFor();
      await page.getByTestId('form-next').click();
      await page.locator('.taro-model__confirm:visible').click();
      await driveApplication(page, 'result');
      await page
        .getByTestId('status-timeline')
        .getByText(`受托人代办，依据录像授权 ${SURRENDER}`, { exact: false })
        .first()
        .waitFor();
    });
  });

  it('is refused on an authorisation past its validity', async () => {
    await asTrustee('expired', async (page) => {
      await openTrusteePage(page);
      const card = page.getByTestId('trustee-authorisation').filter({ hasText: EXPIRED });
      await card.getByText('不能再代为办理', { exact: false }).waitFor();
      await page.goto(
        `${session.stack.appUrl}/packages/endorsements/apply/index?policyNo=${PARTICIPATING}&type=contact_change&authorisationId=${EXPIRED}`,
      );
      await page.getByText(`录像授权 ${EXPIRED} 已于`, { exact: false }).first().waitFor();
    });
  });

  it('is refused at once when 张伟 revokes the authorisation', async () => {
    await asTrustee('revoked', async (page) => {
      await openTrusteePage(page);
      await page.getByTestId(`act-${PARTICIPATING}-contact_change`).click();
      await page.getByTestId('endorsement-apply').waitFor();
      await fillInput(page, '省市区、街道及门牌号', '上海市徐汇区漕溪北路 88 号 12 楼');
      await page.getByTestId('form-next').click();
      await page.waitForURL(/endorsements\/application/);
      await page.getByTestId('go-verify').click();
      await verifyWithSandboxFace(page);
      await page.getByTestId('go-sign').click();
      await signOnPad(page);
      await page.getByTestId('submit-application').waitFor();
      const revoked = await api('demo-customer-c001', 'POST', `/me/authorisations/${CONTACT}/revoke`);
      assert.equal(revoked.status, 200);
      await page.getByTestId('submit-application').click();
      await page
        .getByTestId('application-error')
        .getByText(`录像授权 ${CONTACT} 已由投保人撤销，受托人不能再代为办理`)
        .waitFor();
    });
  });

  it('staff process a contact change themselves from the approved authorisation’s review page', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-staff-sh');
      await page.goto(
        `${session.stack.appUrl}/packages/authorisations/review/index?authorisationId=${COUNTER}`,
      );
      await page.getByTestId('review-counter').click();
      await page.getByTestId('counter-form').waitFor();
      await page.getByTestId(`policy-${DAUGHTERS_COVER}`).click();
      await page.getByTestId('matter-contact_change').click();
      await fillInput(page, '请填写新的联系地址', '上海市徐汇区漕溪北路 88 号 12 楼');
      await tapButton(page, '准备申请');
      await page.getByTestId('counter-prepared').waitFor();
      await tapButton(page, '提交申请');
      await page
        .getByTestId('counter-submitted')
        .getByText(`柜面依据录像授权 ${COUNTER} 代办`, { exact: false })
        .waitFor();
    } finally {
      await saveScreenshot(page, 'trustee-counter');
      await context.close();
    }
  });
});
