import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { IVR_HEADERS } from '@zhixiang/shared/ivr/schemas';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { deliverDecisionLetters } from '../functions/src/complaints/use-cases/deliver-decision-letters';
import { deliverDecisionLettersDeps } from '../functions/src/complaints/wiring-letters';
import { buildDemoData } from '../functions/src/seed/demo-data';
import { getSystem } from '../functions/src/system';
import { newPhonePage, saveScreenshot } from './support/browser';
import { signInOncePerFile, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';
import { postSigned } from './support/signed-post';

/**
 * Complaints in the browser: an agent registers one for their customer, the branch's complaint
 * handler claims, contacts, answers and decides it, and the customer follows it and rates it; a
 * seat registers one for a caller the phone system verified, from the call's screen-pop.
 */
const session = useE2eSession();
const data = buildDemoData(todayInShanghai());
const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;

async function signedInPage(userId: string) {
  const opened = await newPhonePage(session.browser);
  await signInOncePerFile(opened.page, session.stack.appUrl, userId, '/pages/home/index');
  return opened;
}

/** Fills the complaint form (category, the first policy, what happened, a contact time) and files it. */
async function fillAndFile(page: Page, category: string, description: string): Promise<string> {
  const form = page.getByTestId('complaint-form');
  await form.waitFor();
  await form.getByTestId(`category-${category}`).click();
  await form.locator('[data-testid^="policy-"]').first().click();
  await form.locator('textarea').fill(description);
  await form.getByTestId('contact-afternoon').click();
  await tapButton(page, '提交投诉');
  await page.getByTestId('complaint-detail').waitFor();
  const complaintId = new URL(page.url()).searchParams.get('complaintId');
  assert.match(complaintId ?? '', /^TS\d{14}$/);
  return complaintId!;
}

async function recordStep(page: Page, button: string, note: string): Promise<void> {
  await page.getByTestId('complaint-step').locator('textarea').fill(note);
  await tapButton(page, button);
  await page.getByTestId('complaint-events').getByText(note).waitFor();
}

describe('complaints', () => {
  it('an agent registers a complaint for a customer; staff handle it; the customer follows and rates it', async () => {
    const agent = await signedInPage('demo-agent-a001');
    let complaintId = '';
    try {
      await agent.page.getByTestId('entry-customers').click();
      await agent.page.getByTestId('customer-card').filter({ hasText: zhangWei.name }).click();
      await agent.page.getByTestId('entry-customer-complaint').click();
      await agent.page
        .getByTestId('complaint-filing-for')
        .getByText(`代客户登记：${zhangWei.name}`)
        .waitFor();
      // An agent does not register a complaint about themself.
      assert.equal(await agent.page.getByTestId('about-agent').count(), 0);
      complaintId = await fillAndFile(agent.page, 'claims', '客户反映理赔材料交齐两周仍无进度，电话无人接听');
      assert.match(
        (await agent.page.getByTestId('complaint-handling').textContent()) ?? '',
        /受理渠道：代理人代为登记/,
      );
      await saveScreenshot(agent.page, 'complaint-agent-registers');
    } finally {
      await agent.context.close();
    }

    const staff = await signedInPage('demo-staff-sh-pd');
    try {
      await staff.page.goto(`${session.stack.appUrl}/packages/complaints/queue/index`);
      await staff.page.getByTestId('complaint-queue-item').filter({ hasText: complaintId }).click();
      await tapButton(staff.page, '认领处理');
      await staff.page.getByText('处理人：浦东中支投诉 冯涛').waitFor();
      await recordStep(staff.page, '记录已联系客户', '已电话联系客户，说明理赔进度');
      await recordStep(staff.page, '记录答复', '理赔款已于今日审批，三个工作日内到账');
      await recordStep(staff.page, '记录处理决定并办结', '理赔延误属实，已督促理赔部门加快处理');
      await staff.page.getByTestId('complaint-timeline').getByText('已办结').waitFor();
      await saveScreenshot(staff.page, 'complaint-staff-decides');
    } finally {
      await staff.context.close();
    }

    const customer = await signedInPage('demo-customer-c001');
    try {
      await customer.page.goto(
        `${session.stack.appUrl}/packages/complaints/detail/index?complaintId=${complaintId}`,
      );
      await customer.page.getByTestId('complaint-rating').waitFor();
      await customer.page.getByTestId('complaint-decision-letter').getByText('正在生成').waitFor();
      // The decision letters' outbox runs (every 5 minutes deployed, every minute under npm start).
      const report = await deliverDecisionLetters(deliverDecisionLettersDeps(getSystem()));
      assert.equal(report.issued, 1);
      // The customer sees their timeline, not the handling facts.
      assert.equal(await customer.page.getByTestId('complaint-handling').count(), 0);
      await customer.page.getByTestId('complaint-rating').getByText('5 分').click();
      await tapButton(customer.page, '提交评价');
      await customer.page.getByText('您的评价：5 分').waitFor();
      await customer.page.getByTestId('complaint-decision-letter').getByText('查看处理决定书').click();
      await customer.page.getByText('可以向当地银行业保险业纠纷调解组织申请调解', { exact: false }).waitFor();
      await saveScreenshot(customer.page, 'complaint-decision-letter');
    } finally {
      await customer.context.close();
    }
  });

  it('a customer asks the assistant, taps 我要投诉 with a photo, and the handler reads the conversation and sees the photo', async () => {
    const customer = await signedInPage('demo-customer-c001');
    let complaintId = '';
    try {
      await customer.page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await customer.page.locator('input[placeholder="请输入您的问题"]').fill('我想投诉一下业务员的服务态度');
      await tapButton(customer.page, '发送');
      await customer.page.locator('taro-button-core', { hasText: '我要投诉' }).last().click();
      await customer.page.getByTestId('complaint-with-conversation').waitFor();
      // A photo of the letter, chosen in the browser's file chooser and uploaded at once.
      const chooser = customer.page.waitForEvent('filechooser');
      await tapButton(customer.page, '添加照片（0/6）');
      await (await chooser).setFiles({
        name: 'letter.png',
        mimeType: 'image/png',
        buffer: readFileSync(new URL('../docs/images/endorsement-page1.png', import.meta.url)),
      });
      await customer.page.getByTestId('complaint-photos-item').waitFor();
      await customer.page.getByText('添加照片（1/6）').waitFor();
      complaintId = await fillAndFile(
        customer.page,
        'service_attitude',
        '业务员回访时态度很差，还挂了我的电话',
      );
      await customer.page.getByTestId('complaint-photos-thumb').waitFor();
    } finally {
      await customer.context.close();
    }
    const staff = await signedInPage('demo-staff-sh-pd');
    try {
      await staff.page.goto(
        `${session.stack.appUrl}/packages/complaints/detail/index?complaintId=${complaintId}`,
      );
      await staff.page
        .getByTestId('complaint-conversation')
        .getByText('我想投诉一下业务员的服务态度')
        .waitFor();
      assert.match(
        (await staff.page.getByTestId('complaint-handling').textContent()) ?? '',
        /智能客服对话中/,
      );
      // Staff see the photo (drawn from its short-lived link), and their view is on record.
      const thumb = staff.page.getByTestId('complaint-photos-thumb').locator('img');
      await thumb.waitFor();
      await staff.page.waitForFunction(
        (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
        await thumb.elementHandle(),
      );
      const views = await getSystem().repositories.attachmentViews.list({ kind: 'complaint', complaintId });
      assert.deepEqual(
        views.map((v) => [v.byUserId, v.fileNo]),
        [['demo-staff-sh-pd', 1]],
      );
      await saveScreenshot(staff.page, 'complaint-from-assistant-with-conversation');
    } finally {
      await staff.context.close();
    }
  });

  it('a seat registers a complaint for a caller from the screen-pop of a verified call', async () => {
    // The phone system announces the call: the caller typed their ID number on the keypad.
    const secret = process.env.IVR_SIGNING_SECRET;
    assert.ok(secret, 'the local stage has the IVR signing secret');
    const announced = await postSigned(`${session.stack.apiUrl}/ivr/identify`, IVR_HEADERS, secret, {
      callingNumber: zhangWei.phone,
      idNumber: zhangWei.idNumber,
    });
    assert.equal(announced.status, 201);
    const call = (await announced.json()) as { callId: string; verified: boolean };
    assert.equal(call.verified, true);

    const seat = await signedInPage('demo-staff-sh-pd-01');
    try {
      await seat.page.goto(`${session.stack.appUrl}/packages/complaints/queue/index`);
      await tapButton(seat.page, '为来电客户登记投诉');
      await seat.page.getByTestId('screen-pop-lookup').waitFor();
      await seat.page
        .locator('[data-testid="screen-pop-call-id"] input, input[data-testid="screen-pop-call-id"]')
        .first()
        .fill('not-a-call');
      await tapButton(seat.page, '查看来电');
      await seat.page.getByText('来电编号格式不正确').waitFor();
      await seat.page
        .locator('[data-testid="screen-pop-call-id"] input, input[data-testid="screen-pop-call-id"]')
        .first()
        .fill(call.callId);
      await tapButton(seat.page, '查看来电');
      await seat.page.getByTestId('screen-pop').getByText('已通过语音核验').waitFor();
      await seat.page.getByTestId('screen-pop-file-complaint').click();
      await seat.page.getByText('（来电已由语音系统核验）').waitFor();
      await seat.page.getByTestId('about-agent').click();
      const complaintId = await fillAndFile(
        seat.page,
        'sales_misleading',
        '来电客户反映购买时业务员承诺保本保息，与合同不符',
      );
      const handling = (await seat.page.getByTestId('complaint-handling').textContent()) ?? '';
      assert.match(handling, /受理渠道：电话（坐席代为登记）/);
      assert.match(handling, /涉及人员（须回避）：代理人 王建国/);
      assert.match(complaintId, /^TS/);
      await saveScreenshot(seat.page, 'complaint-seat-registers-from-screen-pop');
    } finally {
      await seat.context.close();
    }
  });
});
