import assert from 'node:assert/strict';
import { VIDEO_PART_BYTES } from '@zhixiang/shared/authorisations/schemas';
import { idCheckCharacter } from '@zhixiang/shared/identity/id-number';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { deliverAuthorisationLetters } from '../functions/src/authorisations/use-cases/deliver-decision-letters';
import { deliverAuthorisationLettersDeps } from '../functions/src/authorisations/wiring-letters';
import { DEMO_PAYEE_CARD_NUMBER } from '../functions/src/seed/demo-endorsements';
import { getSystem } from '../functions/src/system';
import { OWNER_POLICY } from '../functions/test/support/authorisation-matrix';
import { paddedRecording } from '../functions/test/support/recordings';
import { renderPassportPhotoPage } from '../functions/test/support/render-id-card';
import { DESK_VIEWPORT, newPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, fillInput, signInAsDemoUser, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Video authorisations in the browser: 张伟, abroad, fills in a power of attorney for one policy
 * (surrender, his own refund card, his wife as trustee), consents, uploads his passport's photo
 * page and a 16-second recording in two parts — the connection drops on the second, the page is
 * reloaded, and it resumes with that part only — and sees it submitted; the Shanghai branch's staff review it at a
 * PC's width, tick the five checks and approve; 张伟 sees it approved and the decision letter in
 * 我的信函, then revokes it.
 */
const session = useE2eSession();
/** 李娜's (fictional) resident ID number, its check character computed. */
const TRUSTEE_ID = `11010519850303002${idCheckCharacter('11010519850303002')}`;

async function signedInPage(userId: string, viewport?: typeof DESK_VIEWPORT) {
  const opened = await newPhonePage(session.browser, viewport);
  await agreeToPrivacyGuide(opened.page, session.stack.appUrl);
  await signInAsDemoUser(opened.page, userId);
  return opened;
}

/** Feeds a file to the H5 chooser the first button inside `testId` opens. */
async function pickFile(page: Page, testId: string, name: string, bytes: Uint8Array, mimeType: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).locator('taro-button-core').first().click();
  await (await chooser).setFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

describe('video authorisations', () => {
  it('张伟 authorises his wife by video, the upload resumes after a drop; staff approve; he reads the letter', async () => {
    const customer = await signedInPage('demo-customer-c001');
    let authorisationId = '';
    // The recording in two parts: over S3's 5 MiB part size, still 16 seconds long.
    const recording = paddedRecording(VIDEO_PART_BYTES + 300_000);
    const partsSent: number[] = [];
    const { page } = customer;
    try {
      await page.goto(`${session.stack.appUrl}/pages/me/index`);
      await page
        .locator('.nut-cell')
        .filter({ has: page.getByText('录像授权', { exact: true }) })
        .click();
      await page.getByText('适用于身在境外、无法到柜面办理的投保人', { exact: false }).first().waitFor();
      await tapButton(page, '新建录像授权');

      const form = page.getByTestId('authorisation-form');
      await form.waitFor();
      await form.getByTestId(`policy-${OWNER_POLICY}`).click();
      await form.getByTestId('matter-surrender').click();
      await fillInput(page, '请填写受托人姓名', '李娜');
      await form.getByTestId('trustee-id-type-id_card').click();
      await fillInput(page, '请填写受托人证件号码', TRUSTEE_ID);
      await form.getByTestId('trustee-relation-配偶').click();
      await fillInput(page, '11 位中国大陆手机号码', '13912345678');
      // Surrender moves money: the refund account appears, his own card.
      await form.getByTestId('refund-account').waitFor();
      await fillInput(page, '请填写银行卡户名', '张伟');
      await fillInput(page, '请填写银行卡号', DEMO_PAYEE_CARD_NUMBER);
      await form.getByTestId('document-type-passport').click();
      await fillInput(page, '请填写证件号码', 'E12');
      await page.getByTestId('picker-document-expiresOn').click();
      await page.locator('.weui-picker').getByText('确定', { exact: true }).locator('visible=true').click();
      // The server's refusal stands beside the field it names; what was typed stays.
      await tapButton(page, '保存，下一步');
      await form.getByTestId('error-document.number').getByText('护照号码应为 5–17 位字母或数字').waitFor();
      await fillInput(page, '请填写证件号码', 'E1234567');
      await saveScreenshot(page, 'authorisation-form');
      await tapButton(page, '保存，下一步');

      await page.getByTestId('authorisation-page').waitFor();
      authorisationId = new URL(page.url()).searchParams.get('authorisationId') ?? '';
      assert.match(authorisationId, /^SQ\d{8}[0-9A-F]{8}$/);
      await page.getByTestId('step-consent-body').getByText('存储于中国境内', { exact: false }).waitFor();
      await tapButton(page, '我已阅读并同意');

      await page.getByTestId('step-photo-body').waitFor();
      const photo = renderPassportPhotoPage({
        name: 'ZHANG WEI 张伟',
        number: 'E1234567',
        expiresOn: '2030-06-30',
      });
      await pickFile(page, 'step-photo-body', 'passport.png', photo, 'image/png');

      const record = page.getByTestId('step-record-body');
      await record.waitFor();
      const script = (await page.getByTestId('read-aloud-script').textContent()) ?? '';
      assert.match(script, /^本人 张伟，护照号码 E1234567，自愿委托 李娜（配偶/);
      assert.match(script, /退费请转入本人在中国工商银行的账户/);
      await saveScreenshot(page, 'authorisation-script');

      // The connection drops while part 2 goes to S3: part 1 is recorded on the server, part 2 is not.
      let dropped = false;
      await page.route(
        (url) => url.searchParams.has('partNumber') && url.searchParams.has('uploadId'),
        async (route) => {
          if (route.request().method() !== 'PUT') return route.continue();
          const part = Number(new URL(route.request().url()).searchParams.get('partNumber'));
          partsSent.push(part);
          if (part === 2 && !dropped) {
            dropped = true;
            return route.abort('connectionreset');
          }
          return route.continue();
        },
      );
      await pickFile(page, 'step-record-body', 'recording.webm', recording, 'video/webm');
      await tapButton(page, '上传录像并提交');
      await page
        .getByTestId('video-failure')
        .getByText('可继续上传', { exact: false })
        .waitFor({ timeout: 60_000 });
      assert.match((await page.getByTestId('video-progress').textContent()) ?? '', /已上传 9\d%/);
      await saveScreenshot(page, 'authorisation-upload-dropped');
      // A full reload loses nothing: the recording was kept in the browser, and only what the server
      // has not recorded goes again.
      await page.reload();
      await page.getByTestId('step-record-body').waitFor();
      await page.getByTestId('video-progress').getByText('已上传 9', { exact: false }).waitFor();
      await tapButton(page, '继续上传');
      await page.getByTestId('authorisation-submitted').getByText('已提交').waitFor({ timeout: 60_000 });
      // After the drop only part 2 went again.
      assert.deepEqual(partsSent, [1, 2, 2]);
      await saveScreenshot(page, 'authorisation-submitted');
    } catch (error) {
      await saveScreenshot(page, 'authorisation-failed-customer');
      throw error;
    } finally {
      await customer.context.close();
    }

    const staff = await signedInPage('demo-staff-sh', DESK_VIEWPORT);
    try {
      const { page } = staff;
      await page.goto(`${session.stack.appUrl}/packages/authorisations/reviews/index`);
      const detail = page.getByTestId('authorisation-console-detail');
      await detail.getByTestId('authorisation-review').waitFor();
      // The only submitted authorisation of the subtree is selected beside the queue.
      await page.getByTestId('authorisation-review-item').filter({ hasText: authorisationId }).waitFor();
      await detail.getByText(authorisationId, { exact: false }).first().waitFor();
      // The script is masked for staff (the trustee's ID, phone and the card); the recording and
      // the photo page are there.
      const maskedScript = (await detail.getByTestId('review-script').textContent()) ?? '';
      assert.doesNotMatch(maskedScript, new RegExp(TRUSTEE_ID));
      // …and the customer's own passport number.
      assert.doesNotMatch(maskedScript, /E1234567/);
      assert.match(maskedScript, /手机 139\*{4}5678/);
      await detail.getByTestId('review-video').waitFor();
      await detail.getByTestId('review-photo').waitFor();
      for (const check of [
        'faceMatchesDocument',
        'everyElementRead',
        'dateCorrect',
        'noSignsOfCoercion',
        'documentValid',
      ])
        await detail.getByTestId(`check-${check}`).click();
      await saveScreenshot(page, 'authorisation-review');
      await detail.locator('taro-button-core', { hasText: '通过' }).first().click();
      // Decided, it leaves the queue of submitted authorisations.
      await page.getByText('暂无待审核的录像授权').waitFor();
      await saveScreenshot(page, 'authorisation-approved-by-staff');
    } catch (error) {
      await saveScreenshot(staff.page, 'authorisation-failed-staff');
      throw error;
    } finally {
      await staff.context.close();
    }

    const report = await deliverAuthorisationLetters(deliverAuthorisationLettersDeps(getSystem()));
    assert.equal(report.issued, 1);

    const again = await signedInPage('demo-customer-c001');
    try {
      const { page } = again;
      await page.goto(
        `${session.stack.appUrl}/packages/authorisations/detail/index?authorisationId=${authorisationId}`,
      );
      await page.getByTestId('authorisation-approved').getByText('已通过', { exact: false }).waitFor();
      await saveScreenshot(page, 'authorisation-customer-approved');
      await tapButton(page, '查看我的信函');
      await page.getByTestId('letter-item').filter({ hasText: '录像授权审核结果通知书' }).first().waitFor();
      await saveScreenshot(page, 'authorisation-letter');
      // He revokes it: it ends at once.
      await page.goto(
        `${session.stack.appUrl}/packages/authorisations/detail/index?authorisationId=${authorisationId}`,
      );
      await page.getByTestId('authorisation-approved').waitFor();
      await tapButton(page, '撤销授权');
      await page.getByText('确定撤销', { exact: true }).locator('visible=true').click();
      await page.getByTestId('authorisation-revoked').getByText('授权已撤销').waitFor();
      await saveScreenshot(page, 'authorisation-revoked');
    } finally {
      await again.context.close();
    }
  });
});
