import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { describe, it } from 'vitest';
import { buildDemoData } from '../functions/src/seed/demo-data';
import { setSystem } from '../functions/src/system';
import { newPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, fillInput, signInOncePerFile, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * The 客服 tab: 张伟 asks how much he can borrow, picks his participating life policy,
 * gets the quota with his own figure, and 去办理 opens that policy; he asks for a person, a staff
 * member of his branch claims the handoff in the staff console and they chat live over the
 * WebSocket, across a dropped connection (nothing lost, nothing twice); signed out, the assistant
 * answers in general terms and offers sign-in; outside service hours he leaves a message, staff
 * answer it in the console, he gets an SMS and sees the answer on his next visit.
 */
const data = buildDemoData(todayInShanghai());
const pl01 = data.policies.find((p) => p.holderId === 'C001' && p.productCode === 'PL01')!;

const session = useE2eSession();

describe('the assistant', () => {
  it('张伟 asks for his loan quota, gets his own figure and opens the loan flow from 去办理', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-customer-c001');
      await page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await page.getByTestId('assistant-messages').waitFor();
      assert.equal(
        await page.getByTestId('assistant-sign-in').count(),
        0,
        'no sign-in prompt when signed in',
      );

      await fillInput(page, '请输入您的问题', '我的保单能贷多少钱');
      await tapButton(page, '发送');
      const policyButton = page.locator('[data-testid="assistant-button"]', { hasText: '鑫享人生' });
      await policyButton.waitFor();
      assert.equal(
        await page.locator('input[placeholder="请输入您的问题"]').inputValue(),
        '',
        'sent text is cleared',
      );
      await policyButton.click();

      const answer = page.getByTestId('chat-assistant').filter({ hasText: '当前可贷金额' });
      await answer.waitFor();
      assert.match(
        (await answer.textContent()) ?? '',
        new RegExp(`${pl01.policyNo}（鑫享人生）当前可贷金额 ¥54,736\\.40`),
      );
      await saveScreenshot(page, 'assistant-loan-quota');

      // 去办理 opens the loan flow for that policy, its first screen showing the same quota.
      await answer.locator('[data-testid="assistant-button"]', { hasText: '去办理' }).click();
      await page.waitForURL((url) => url.pathname.includes('/packages/endorsements/apply/'));
      assert.ok(page.url().includes(`policyNo=${pl01.policyNo}`));
      assert.ok(page.url().includes('type=policy_loan'));
      await page.getByTestId('endorsement-apply').getByText('可贷金额 ¥54,736.40').waitFor();
      await saveScreenshot(page, 'assistant-opened-loan-flow');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('张伟 asks for a person; staff claim it in the console and chat live, across a dropped connection', async () => {
    const customer = await newPhonePage(session.browser);
    const staff = await newPhonePage(session.browser);
    const page = customer.page;
    try {
      // The customer's socket: every frame it receives, to prove the replies came live and once.
      const received: string[] = [];
      let sockets = 0;
      // Keeps the page's WebSockets reachable so the journey can cut them like a lost network.
      await customer.context.addInitScript(() => {
        const Native = window.WebSocket;
        const open: WebSocket[] = [];
        (window as unknown as { liveSockets: WebSocket[] }).liveSockets = open;
        window.WebSocket = class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            open.push(this);
          }
        };
      });
      page.on('websocket', (socket) => {
        if (!socket.url().includes('/live-chat')) return;
        sockets += 1;
        socket.on('framereceived', ({ payload }) => received.push(String(payload)));
      });
      await signInOncePerFile(page, session.stack.appUrl, 'demo-customer-c001');
      await page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await fillInput(page, '请输入您的问题', '我要转人工');
      await tapButton(page, '发送');
      await page.locator('[data-testid="assistant-button"]', { hasText: '转人工客服' }).first().click();
      await page.getByTestId('handoff-status').waitFor();

      // Staff of his branch: home → 人工客服工作台 → the queue → 接入 → the chat with the context.
      const desk = staff.page;
      await signInOncePerFile(desk, session.stack.appUrl, 'demo-staff-sh', '/pages/home/index');
      await desk.getByTestId('entry-handoffs').click();
      const card = desk.getByTestId('handoff-card').filter({ hasText: '张伟' });
      await card.waitFor();
      assert.match((await card.textContent()) ?? '', /身份已核验/);
      await card.locator('taro-button-core', { hasText: '接入' }).click();
      await desk.getByTestId('handoff-chat').waitFor();
      const context = (await desk.getByTestId('handoff-context').textContent()) ?? '';
      assert.match(context, /身份已核验/);
      assert.match(context, /转人工客服/);
      assert.match(context, /\d{4}\*{10}\d{3}[\dX]/, 'the masked ID number');
      assert.match((await desk.getByTestId('handoff-transcript').textContent()) ?? '', /我要转人工/);
      await saveScreenshot(desk, 'handoff-console-chat');

      await page.getByText('已接入').first().waitFor();
      await fillInput(desk, '回复客户', '您好，我是人工客服，请问有什么可以帮您？');
      await tapButton(desk, '发送');
      await page.getByText('请问有什么可以帮您').waitFor();
      assert.ok(
        received.some((frame) => frame.includes('请问有什么可以帮您')),
        'the reply arrived over the WebSocket',
      );

      // The customer writes back: the staff console shows it live.
      await fillInput(page, '请输入您的问题', '我想咨询保单贷款');
      await tapButton(page, '发送');
      await desk.getByTestId('handoff-message-customer').filter({ hasText: '我想咨询保单贷款' }).waitFor();

      // The customer's network drops (offline, and the open socket cut — Chromium's offline mode
      // leaves established WebSockets up); staff keep writing; back online, the page catches up.
      await customer.context.setOffline(true);
      await page.evaluate(() => {
        for (const socket of (window as unknown as { liveSockets: WebSocket[] }).liveSockets) socket.close();
      });
      await page.getByTestId('handoff-status').getByText('网络不稳定，正在重新连接').waitFor();
      for (const text of ['您的保单当前可贷金额可在保单详情查看', '贷款期限为 6 个月']) {
        await fillInput(desk, '回复客户', text);
        await tapButton(desk, '发送');
        await desk.getByTestId('handoff-message-staff').filter({ hasText: text }).waitFor();
      }
      await customer.context.setOffline(false);
      await page.getByText('贷款期限为 6 个月').waitFor({ timeout: 20_000 });
      for (const text of ['请问有什么可以帮您', '可在保单详情查看', '贷款期限为 6 个月']) {
        assert.equal(
          await page.getByTestId('chat-staff').filter({ hasText: text }).count(),
          1,
          `${text} once`,
        );
      }
      await saveScreenshot(page, 'assistant-handoff-live');

      // Staff close with a summary; the customer is told.
      await desk.locator('textarea').fill('已说明保单贷款额度与期限');
      await tapButton(desk, '结束服务');
      await desk.getByTestId('handoff-closed').waitFor();
      await page.getByText('人工服务已结束').waitFor();
      // The closed chat is no dead end: it leads back to the queue.
      await tapButton(desk, '返回接待队列');
      await desk.waitForURL(/\/packages\/handoffs\/queue\/index/);
      assert.ok(sockets >= 2, `the page reconnected its WebSocket (${sockets} sockets)`);
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      await saveScreenshot(staff.page, `failed-staff-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await customer.context.close();
      await staff.context.close();
    }
  });

  it('outside service hours 张伟 leaves a message; the answer comes by SMS and on his next visit', async () => {
    // The stage's setting, as an admin would set it: no live service at any hour. The gateway runs
    // in this process; the next request builds its wiring from the changed environment.
    process.env.ASSISTANT_SERVICE_HOURS = JSON.stringify({
      timeZone: 'Asia/Shanghai',
      daily: null,
      weekdays: {},
    });
    setSystem(undefined);
    const { context, page } = await newPhonePage(session.browser);
    try {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-customer-c001');
      await page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await fillInput(page, '请输入您的问题', '转人工');
      await tapButton(page, '发送');
      await page.locator('[data-testid="assistant-button"]', { hasText: '转人工客服' }).first().click();
      await page.getByText('现在是人工客服非服务时间').waitFor();
      assert.match((await page.getByTestId('handoff-status').textContent()) ?? '', /留言模式/);
      await fillInput(page, '请输入您的问题', '我想把红利领取方式改成现金');
      await tapButton(page, '发送');
      await page.getByText('留言已收到').waitFor();
      await saveScreenshot(page, 'assistant-leave-message');
      await page.goto(`${session.stack.appUrl}/pages/home/index`);

      // Staff answer the message later in the console; the customer gets one SMS.
      const desk = await newPhonePage(session.browser);
      try {
        await signInOncePerFile(desk.page, session.stack.appUrl, 'demo-staff-sh');
        await desk.page.goto(`${session.stack.appUrl}/packages/handoffs/queue/index`);
        const card = desk.page.getByTestId('handoff-card').filter({ hasText: '留言' });
        await card.waitFor();
        await card.locator('taro-button-core', { hasText: '接入' }).click();
        await desk.page.getByTestId('handoff-message-customer').filter({ hasText: '红利领取方式' }).waitFor();
        await fillInput(desk.page, '回复客户', '您好，红利领取方式可在保单详情中在线变更为现金领取');
        await tapButton(desk.page, '发送');
        await desk.page.getByTestId('handoff-message-staff').waitFor();
        await desk.page.locator('textarea').fill('已答复红利领取方式变更');
        await tapButton(desk.page, '结束服务');
        await desk.page.getByTestId('handoff-closed').waitFor();
        // A way on after closing: back to the queue.
        await tapButton(desk.page, '返回接待队列');
        await desk.page.waitForURL(/packages\/handoffs\/queue/);
      } finally {
        await desk.context.close();
      }
      const phone = data.customers.find((c) => c.customerId === 'C001')!.phone;
      const sms = (await readFile(session.stack.smsOutboxFile, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { to: string; template: string });
      assert.equal(sms.filter((m) => m.to === phone && m.template === 'handoff_reply').length, 1);

      // His next visit to the 客服 tab shows the answer, once.
      await page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await page.getByText('您之前的留言已有客服回复').waitFor();
      await page.getByTestId('chat-staff').filter({ hasText: '在线变更为现金领取' }).waitFor();
      await saveScreenshot(page, 'assistant-message-answered');
      await page.goto(`${session.stack.appUrl}/pages/home/index`);
      const latestHandoff = page.waitForResponse((response) =>
        response.url().endsWith('/assistant/handoffs/latest'),
      );
      await page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await page.getByTestId('assistant-messages').waitFor();
      // The visit has read the latest handoff, and rendered what it decided from it.
      await (await latestHandoff).finished();
      await page.evaluate(
        () => new Promise((rendered) => requestAnimationFrame(() => requestAnimationFrame(rendered))),
      );
      // The conversation kept on the phone still shows it, once: it is not announced again.
      assert.equal(await page.getByText('您之前的留言已有客服回复').count(), 1, 'shown once');
      assert.equal(await page.getByTestId('chat-staff').filter({ hasText: '在线变更为现金领取' }).count(), 1);
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      delete process.env.ASSISTANT_SERVICE_HOURS;
      setSystem(undefined);
      await context.close();
    }
  });

  it('signed out, a quick question is answered in general terms with a sign-in offer', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await page.goto(`${session.stack.appUrl}/pages/assistant/index`);
      await page.getByTestId('assistant-sign-in').waitFor();
      await page.getByTestId('quick-question').filter({ hasText: '我能贷多少钱' }).click();
      const answer = page.getByTestId('chat-assistant').filter({ hasText: '80%' });
      await answer.waitFor();
      assert.match((await answer.textContent()) ?? '', /登录后/);
      assert.equal(await answer.locator('[data-testid="assistant-button"]', { hasText: '登录' }).count(), 1);
      await saveScreenshot(page, 'assistant-signed-out');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
