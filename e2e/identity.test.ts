import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { afterAll, describe, it } from 'vitest';
import { readLatestSandboxCode } from '../functions/src/platform/sms/sandbox-outbox-sms';
import { buildDemoData } from '../functions/src/seed/demo-data';
import { renderIdCardBack, renderIdCardFront } from '../functions/test/support/render-id-card';
import { newPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, fillInput, signInAsDemoUser, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Identity verification in the H5 build: 张伟 photographs his (rendered) ID card, the offline OCR
 * reads and checks it, the 「模拟人脸核身」 screen succeeds and the purpose is verified; 刘洋 fails the
 * face comparison five times, is locked, and his agent verifies him in person instead (with a code
 * texted to 刘洋's phone on file).
 */
const data = buildDemoData('2026-11-25');
const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;
const liuYang = data.customers.find((c) => c.customerId === 'C005')!;

const session = useE2eSession();

// The offline OCR reader runs in a worker thread of this process (the gateway's handlers): end it.
afterAll(async () => {
  // The offline reader the identity handlers built (their context's wiring), not a second one.
  const { identityWiring } = await import('../functions/src/identity/wiring');
  const ocr = (await identityWiring().idCardOcr()) as { close?: () => Promise<void> };
  await ocr.close?.();
});

const verifyUrl = (purpose: string, customerId?: string) =>
  `${session.stack.appUrl}/packages/identity/verify/index?purpose=${encodeURIComponent(purpose)}${
    customerId ? `&customerId=${customerId}` : ''
  }`;

async function requireVerified(customerId: string, purpose: string) {
  const { getSystem } = await import('../functions/src/system');
  return getSystem().identityProofs.requireVerified({ customerId, purpose, now: Date.now() });
}

async function pickFile(page: Page, slot: string, name: string, bytes: Uint8Array, mimeType = 'image/png') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(`capture-${slot}`).locator('taro-button-core').click();
  await (await chooser).setFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  await page.getByTestId(`capture-${slot}`).getByText('已上传').waitFor();
}

/** A real, playable 1-second video recorded by the browser itself (no camera, no ffmpeg needed). */
async function recordWebm(page: Page): Promise<Uint8Array> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext('2d');
    const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    const stopped = new Promise((resolve) => {
      recorder.onstop = resolve;
    });
    // The recorder hands over a chunk about every 100 ms: ten make the video, about a second long.
    recorder.ondataavailable = (event) => {
      chunks.push(event.data);
      if (chunks.length === 10) recorder.stop();
    };
    // A new picture on every frame while it records.
    const paint = () => {
      if (recorder.state !== 'recording') return;
      if (context) {
        context.fillStyle = `hsl(${chunks.length * 36}, 70%, 50%)`;
        context.fillRect(0, 0, 160, 120);
      }
      requestAnimationFrame(paint);
    };
    recorder.start(100);
    paint();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

describe('identity verification journeys', () => {
  it('张伟: ID photos read and checked, then the sandbox face succeeds and the purpose is verified', async () => {
    const purpose = 'document:E2E-FACE-1';
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c001');
      await page.goto(verifyUrl(purpose));
      await page.getByTestId('identity-consent').waitFor();
      await tapButton(page, '同意并继续');
      await tapButton(page, '先拍摄身份证核对信息');

      const front = renderIdCardFront({
        name: zhangWei.name,
        gender: zhangWei.gender,
        birthDate: zhangWei.birthDate,
        address: '上海市浦东新区张江路88号',
        idNumber: zhangWei.idNumber,
      });
      await pickFile(page, 'id_card_front', 'front.png', front);
      const back = renderIdCardBack({ authority: '上海市公安局浦东分局', validity: '2016.03.12-2036.03.12' });
      await pickFile(page, 'id_card_back', 'back.png', back);
      await tapButton(page, '识别并核对');
      const checked = page.getByTestId('id-card-result');
      await checked.waitFor({ timeout: 30_000 });
      assert.match((await checked.textContent()) ?? '', /证件号码比对：与客户资料一致/);
      await saveScreenshot(page, 'identity-id-card-checked');
      await tapButton(page, '下一步：刷脸认证');

      await tapButton(page, '开始刷脸');
      await page.getByTestId('sandbox-face').waitFor();
      await saveScreenshot(page, 'identity-sandbox-face');
      await tapButton(page, '核身成功（本人）');
      await page.getByTestId('identity-verified').waitFor();
      await saveScreenshot(page, 'identity-verified');

      const proof = await requireVerified('C001', purpose);
      assert.equal(proof.method, 'face');
      await assert.rejects(requireVerified('C001', 'document:E2E-OTHER'), /已用于其他业务/);
    } finally {
      await context.close();
    }
  });

  it('刘洋: five failed face comparisons lock the face path; his agent verifies him in person', async () => {
    const purpose = 'document:E2E-LOCK-1';
    const customer = await newPhonePage(session.browser);
    try {
      const page = customer.page;
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c005');
      await page.goto(verifyUrl(purpose));
      await tapButton(page, '同意并继续');
      for (let attempt = 1; attempt <= 5; attempt++) {
        await tapButton(page, '开始刷脸');
        await page.getByTestId('sandbox-face').waitFor();
        await tapButton(page, '人脸比对未通过');
        await page.getByTestId('face-outcome').getByText('人脸比对未通过').waitFor();
      }
      const locked = page.getByTestId('identity-locked');
      await locked.waitFor();
      assert.match((await locked.textContent()) ?? '', /已达 5 次，明日 0 点后可再次刷脸/);
      assert.match(
        (await page.getByTestId('identity-alternatives').textContent()) ?? '',
        /请联系您的服务业务员当面核验/,
      );
      await saveScreenshot(page, 'identity-locked');
    } finally {
      await customer.context.close();
    }

    const agent = await newPhonePage(session.browser);
    try {
      const page = agent.page;
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-agent-a001');
      await page.goto(verifyUrl(purpose, 'C005'));
      await tapButton(page, '同意并继续');
      await page.getByTestId('identity-locked').waitFor();
      await tapButton(page, '业务员当面核验');
      await page.getByTestId('attest-confirm').click();
      // The agent cannot see the code: it goes to 刘洋's phone on file, and he reads it out.
      await tapButton(page, '发送验证码到客户手机');
      await page
        .getByTestId('attest-code-hint')
        .getByText(/验证码已发送至客户登记的手机 1\d{2}\*{4}\d{4}/)
        .waitFor();
      const code = await readLatestSandboxCode(session.stack.smsOutboxFile, liuYang.phone);
      assert.ok(code, "the code reached 刘洋's phone (the sandbox outbox)");
      assert.doesNotMatch((await page.locator('body').textContent()) ?? '', new RegExp(code));
      await fillInput(page, '客户收到的 6 位验证码', code);
      await tapButton(page, '确认核验');
      await page.getByTestId('attest-done').waitFor();
      await saveScreenshot(page, 'identity-agent-attested');
    } finally {
      await agent.context.close();
    }
    const proof = await requireVerified('C005', purpose);
    assert.equal(proof.method, 'agent_attestation');
  });

  it('李娜: ID photos and a selfie video go to staff review; the Shanghai reviewer approves', async () => {
    const purpose = 'document:E2E-REVIEW-1';
    const liNa = data.customers.find((c) => c.customerId === 'C002')!;
    const customer = await newPhonePage(session.browser);
    try {
      const page = customer.page;
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c002');
      await page.goto(verifyUrl(purpose));
      await tapButton(page, '同意并继续');
      await tapButton(page, '上传身份证和自拍视频，人工审核');
      const front = renderIdCardFront({ ...liNa, address: '上海市浦东新区张江路88号' });
      await pickFile(page, 'id_card_front', 'front.png', front);
      const back = renderIdCardBack({ authority: '上海市公安局浦东分局', validity: '2016.03.12-2036.03.12' });
      await pickFile(page, 'id_card_back', 'back.png', back);
      await pickFile(page, 'selfie_video', 'selfie.webm', await recordWebm(page), 'video/webm');
      await tapButton(page, '提交人工审核');
      await page.getByTestId('review-submitted').waitFor();
    } finally {
      await customer.context.close();
    }

    const staff = await newPhonePage(session.browser);
    try {
      const page = staff.page;
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-staff-sh');
      await page.goto(`${session.stack.appUrl}/packages/identity/reviews/index`);
      // The purpose in plain Chinese, not the internal key.
      const card = page.getByTestId('identity-review').filter({ hasText: '签署电子批单 E2E-REVIEW-1' });
      await card.waitFor();
      assert.match((await card.textContent()) ?? '', /李\*/);
      // The selfie video sits in the card's flow below the name and the card photos, covering neither.
      const title = await card.locator('.zx-card__title').boundingBox();
      const photos = await card.locator('.zx-identity__media').nth(1).boundingBox();
      const video = await card.getByTestId('review-video').boundingBox();
      assert.ok(title && photos && video, 'the name, the photos and the video are laid out');
      assert.ok(video.y >= title.y + title.height && video.y >= photos.y + photos.height - 1, 'video below');
      await saveScreenshot(page, 'identity-review-queue');
      await card.locator('taro-button-core', { hasText: /^通过$/ }).click();
      await card.waitFor({ state: 'detached' });
    } finally {
      await staff.context.close();
    }
    const proof = await requireVerified('C002', purpose);
    assert.equal(proof.method, 'staff_review');
  });
});
