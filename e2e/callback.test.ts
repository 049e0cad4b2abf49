import assert from 'node:assert/strict';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { readLatestSandboxCode } from '../functions/src/platform/sms/sandbox-outbox-sms';
import { buildDemoData } from '../functions/src/seed/demo-data';
import { newPhonePage, saveScreenshot } from './support/browser';
import {
  demoAccessToken,
  fillInput,
  returnOnceVerified,
  signInOncePerFile,
  tapButton,
} from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * New-policy callback (回访) in the H5 build: 张伟 books a time for his new annuity's callback,
 * moves it and cancels it, then answers the callback online; with one "no" on a second new
 * policy, the problem case reaches the branch's staff.
 */
const data = buildDemoData('2026-11-25');
const source = data.policies.find((p) => p.holderId === 'C001' && p.effectiveDate > '2026-11-01')!;
const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;
const SECOND_POLICY = '8831019800001';
const THIRD_POLICY = '8831019800002';

const session = useE2eSession(async () => {
  // A second new policy of 张伟's in its cooling-off period, for the "no" answer.
  const { getSystem } = await import('../functions/src/system');
  for (const policyNo of [SECOND_POLICY, THIRD_POLICY]) {
    await getSystem().repositories.policies.put({
      ...source,
      policyNo,
      receiptDate: todayInShanghai(),
      version: 0,
    });
  }
});

const tokenOf = (userId: string) => demoAccessToken(session.stack.apiUrl, userId);

async function answerOnline(
  page: Page,
  policyNo: string,
  no: string | null,
  identity: 'sms' | 'face' = 'sms',
) {
  await page.goto(`${session.stack.appUrl}/packages/callback/online/index?policyNo=${policyNo}`);
  // Each point is shown with the policy's own facts.
  assert.match((await page.getByTestId('fact-coolingOffRights').textContent()) ?? '', /犹豫期至 \d{4}年/);
  assert.match((await page.getByTestId('fact-paymentPeriod').textContent()) ?? '', /¥[\d,]+\.\d{2}/);
  if (identity === 'sms') {
    await page.getByTestId('send-callback-code').click();
    await page.getByText(/已发送至/).waitFor();
    const code = await readLatestSandboxCode(session.stack.smsOutboxFile, zhangWei.phone);
    assert.ok(code, 'the sandbox outbox holds the code');
    await fillInput(page, '6 位短信验证码', code);
  } else {
    // No SMS: the identity pages (consent, the 「模拟人脸核身」 screen) and back.
    await page.getByTestId('callback-face-instead').click();
    await tapButton(page, '同意并继续');
    await tapButton(page, '开始刷脸');
    await page.getByTestId('sandbox-face').waitFor();
    await tapButton(page, '核身成功（本人）');
    await returnOnceVerified(page);
    await page.getByTestId('callback-identity-verified').waitFor();
  }
  for (const point of [
    'identity',
    'personalSignature',
    'understoodBrochure',
    'coverageAndExclusions',
    'surrenderLoss',
    'coolingOffRights',
    'paymentPeriod',
  ]) {
    const card = page.getByTestId(`point-${point}`);
    await card.locator('taro-button-core', { hasText: point === no ? '否' : '是' }).click();
  }
  await tapButton(page, '提交回访答复');
  const result = page.getByTestId('online-result');
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

describe('new-policy callback journeys', () => {
  it('张伟 books a callback time, moves it, cancels it, then completes the callback online', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-customer-c001');
      await page.goto(`${session.stack.appUrl}/pages/policy-detail/index?policyNo=${source.policyNo}`);
      await page.getByTestId('entry-callback').click();

      const slots = page.getByTestId('callback-slot');
      await slots.first().waitFor();
      const firstSlot = ((await slots.first().textContent()) ?? '').replace(/（.*$/, '').trim();
      // A tap asks first; 再想想 books nothing.
      await slots.first().click();
      await page.locator('.taro-model__cancel:visible').click();
      assert.equal(await page.getByTestId('callback-booking').count(), 0);
      await slots.first().click();
      await page.locator('.taro-model__confirm:visible').click();
      const booking = page.getByTestId('callback-booking');
      await booking.waitFor();
      assert.match((await booking.textContent()) ?? '', new RegExp(`已预约.*${firstSlot}`));
      assert.match((await booking.textContent()) ?? '', /还可改约 3 次/);
      await saveScreenshot(page, 'callback-booked');

      await tapButton(page, '改约');
      // The booked time is marked and cannot be picked again.
      assert.match((await page.getByTestId('callback-slot-current').textContent()) ?? '', /当前预约/);
      const secondSlot = ((await slots.first().textContent()) ?? '').replace(/（.*$/, '').trim();
      await slots.first().click();
      await page.locator('.taro-model__confirm:visible').click();
      await page.getByText('还可改约 2 次').waitFor();
      assert.match((await booking.textContent()) ?? '', new RegExp(secondSlot));

      await tapButton(page, '取消预约');
      await page.getByTestId('callback-booking').waitFor({ state: 'detached' });
      await slots.first().waitFor();

      const result = await answerOnline(page, source.policyNo, null);
      assert.match(result, /回访已完成/);
      await saveScreenshot(page, 'callback-online-completed');
      // 回访已完成 is no dead end: it leads back to the policy.
      await page.getByTestId('online-result-back').click();
      await page.getByTestId('policy-detail').waitFor();
      assert.match(page.url(), new RegExp(`policyNo=${source.policyNo}`));
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('one "no" in the online callback, after a face verification instead of the SMS, becomes a problem case the branch staff see', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-customer-c001');
      const result = await answerOnline(page, SECOND_POLICY, 'personalSignature', 'face');
      assert.match(result, /已转交专人跟进/);
      await saveScreenshot(page, 'callback-online-problem');

      const accessToken = await tokenOf('demo-staff-sh');
      const day = await fetch(`${session.stack.apiUrl}/callback/bookings`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const body = (await day.json()) as { online: Array<{ policyNo: string; status: string }> };
      assert.deepEqual(
        body.online.filter((b) => b.policyNo === SECOND_POLICY).map((b) => b.status),
        ['problem'],
      );
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('the call centre finds the day’s callback, records it completed point by point, and closes a slot', async () => {
    // 张伟 books his third new policy's callback (through the API: the booking pages are covered above).
    const customer = await tokenOf('demo-customer-c001');
    const auth = { authorization: `Bearer ${customer}`, 'content-type': 'application/json' };
    const offered = (await (
      await fetch(`${session.stack.apiUrl}/policies/${THIRD_POLICY}/callback/slots`, { headers: auth })
    ).json()) as { slots: Array<{ slotId: string; date: string; start: string }> };
    const slot = offered.slots[0];
    assert.ok(slot, 'a slot is offered');
    const booked = await fetch(`${session.stack.apiUrl}/policies/${THIRD_POLICY}/callback`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ slotId: slot.slotId }),
    });
    assert.equal(booked.status, 201);

    const { context, page } = await newPhonePage(session.browser);
    try {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-staff-sh', '/pages/home/index');
      await page.getByTestId('entry-call-centre').click();
      await page.getByTestId('call-centre-date').waitFor();
      const today = todayInShanghai();
      for (let day = today; day < slot.date; day = addDays(day, 1)) {
        const shown = await page.getByTestId('call-centre-date').textContent();
        await tapButton(page, '后一天');
        await page.waitForFunction(
          (before) => document.querySelector('[data-testid="call-centre-date"]')?.textContent !== before,
          shown,
        );
      }
      const row = page.getByTestId(`staff-booking-${THIRD_POLICY}`);
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /张\*.*已预约/);
      assert.doesNotMatch((await row.textContent()) ?? '', new RegExp(zhangWei.phone));

      await row.locator('taro-button-core', { hasText: '回访完成' }).click();
      const points = row.getByTestId('outcome-points');
      await points.getByText('请逐项确认七个要点').waitFor();
      for (const item of await points.locator('.zx-call-centre__point').all()) await item.click();
      await points.locator('taro-button-core', { hasText: '确认回访完成' }).click();
      await row.locator('taro-button-core', { hasText: '未接通' }).waitFor({ state: 'detached' });
      assert.match((await row.textContent()) ?? '', /回访完成/);
      await saveScreenshot(page, 'call-centre-completed');

      await tapButton(page, '排班');
      const slotRow = page.getByTestId('schedule-slot').filter({ hasText: `${slot.start}–` });
      await slotRow.locator('taro-button-core', { hasText: '关闭' }).click();
      await slotRow.getByText('已关闭').waitFor();
      await saveScreenshot(page, 'call-centre-schedule');

      // The problem case of the online "no" (previous journey) waits in the branch's queue.
      await tapButton(page, '问题件');
      const followUp = page.getByTestId(`follow-up-${SECOND_POLICY}`);
      await followUp.waitFor();
      assert.match((await followUp.textContent()) ?? '', /在线自助回访.*否认/);
      await followUp.locator('textarea').fill('已电话核实，客户确认投保单为本人签名');
      await followUp.locator('taro-button-core', { hasText: '办结' }).click();
      await followUp.waitFor({ state: 'detached' });
      await saveScreenshot(page, 'call-centre-follow-up-resolved');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
