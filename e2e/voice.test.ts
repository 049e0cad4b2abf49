import assert from 'node:assert/strict';
import type { ComplaintDetail } from '@zhixiang/shared/complaints/schemas';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { escalateBreachedComplaints } from '../functions/src/complaints/use-cases/escalate-breached-complaints';
import { buildDemoData } from '../functions/src/seed/demo-data';
import { pushStandardAlerts } from '../functions/src/standards/use-cases/push-alerts';
import { warnStandardBreaches } from '../functions/src/standards/use-cases/warn-breaches';
import { getSystem } from '../functions/src/system';
import { DESK_VIEWPORT, newPhonePage, onPhonePage, saveScreenshot } from './support/browser';
import { demoAccessToken, signInOncePerFile, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * The customer-voice stream (客户之声) in the browser: a customer's 吐槽 arrives live on the 浦东中支
 * head's listening page at PC width, over the live chat's WebSocket; 浦东中支 reports the theme to
 * 上海分公司, which reports it on to 总公司, whose head reads the trail, opens a rectification (整改)
 * for it and closes it with evidence. An urgent complaint that breaches its 2 hours escalates from
 * the 四级机构 to 浦东中支, and the 浦东中支 head sees it arrive live. The 浦东中支 head listens in on
 * A fixed service standard's late claim warns its 四级机构 and escalates to 浦东中支: the head sees both
 * alerts arrive live. The 浦东中支 head listens in on
 * 张伟's live handoff chat (人工客服旁听) while staff answer: each message arrives masked, at PC width
 * beside the list and on a phone with 返回列表, and the listen-in shows in the listening log.
 */
const session = useE2eSession();
const RANT = '回访电话一天打了三次，太打扰了';

async function signIn(page: Page, userId: string, path: string): Promise<void> {
  await signInOncePerFile(page, session.stack.appUrl, userId);
  await page.goto(`${session.stack.appUrl}${path}`);
}

/** Types the note and reports the 回访打扰 theme of this week one level up. */
async function reportTheme(page: Page, note: string, reportedTo: RegExp): Promise<void> {
  await page.getByTestId('voice-note').locator('textarea').fill(note);
  const cluster = page.getByTestId('voice-cluster').filter({ hasText: '回访打扰' });
  await cluster.locator('taro-button-core', { hasText: '上报该主题' }).click();
  await cluster.getByTestId('voice-trail').filter({ hasText: reportedTo }).waitFor();
}

describe('customer voice', () => {
  it('a 吐槽 arrives live at the 浦东中支 head; the theme is reported up to 总公司', async () => {
    const head = await newPhonePage(session.browser, DESK_VIEWPORT);
    try {
      await signIn(head.page, 'demo-exec-sh-pd', '/packages/voice/stream/index');
      await head.page.getByTestId('voice-listening').getByText('实时聆听中：浦东中心支公司').waitFor();

      await onPhonePage(session.browser, 'voice-rant', async (page) => {
        await signIn(page, 'demo-customer-c001', '/packages/voice/rant/index');
        await page.getByTestId('rant-text').locator('textarea').fill(RANT);
        await page.getByTestId('rant-hide-name').click();
        await tapButton(page, '提交吐槽');
        await page.getByTestId('rant-sent').getByText('您的代理人看不到您的姓名').waitFor();
      });

      // No reload: pushed over the WebSocket.
      await head.page.getByTestId('voice-item').filter({ hasText: RANT }).waitFor({ timeout: 5000 });
      await saveScreenshot(head.page, 'voice-executive-listening');
    } finally {
      await head.context.close();
    }

    await onPhonePage(session.browser, 'voice-report-branch', async (page) => {
      await signIn(page, 'demo-staff-sh-pd', '/packages/voice/stream/index');
      await reportTheme(page, '本周多位客户反映回访电话过多', /上报至上海分公司/);
    });
    await onPhonePage(session.browser, 'voice-report-head-office', async (page) => {
      await signIn(page, 'demo-staff-sh', '/packages/voice/stream/index');
      await reportTheme(page, '上海多家中支反映，请总公司统一回访策略', /上报至.*总公司/);
    });
    await onPhonePage(session.browser, 'voice-head-office-trail', async (page) => {
      await signIn(page, 'demo-exec-hq', '/packages/voice/stream/index');
      const trail = page
        .getByTestId('voice-cluster')
        .filter({ hasText: '回访打扰' })
        .getByTestId('voice-trail');
      await trail.filter({ hasText: '本周多位客户反映回访电话过多' }).waitFor();
      await trail.filter({ hasText: '请总公司统一回访策略' }).waitFor();

      // 总公司 opens a rectification for the theme and closes it with its evidence.
      await page
        .getByTestId('voice-cluster')
        .filter({ hasText: '回访打扰' })
        .locator('taro-button-core', { hasText: '发起整改' })
        .click();
      const form = page.getByTestId('rectification-form');
      await form.getByText('针对主题「回访打扰」').waitFor();
      await form.getByTestId('line-service').click();
      await form.getByTestId('rectification-owner').locator('input').fill('周敏');
      await form.getByTestId('rectification-days').locator('input').fill('5');
      // The stream page below still holds its own 发起整改 buttons: tap the form's.
      await form.locator('taro-button-core', { hasText: '发起整改' }).click();
      const detail = page.getByTestId('rectification-detail');
      await detail.getByText('客服 · 回访打扰问题整改').waitFor();
      await detail.getByText('整改中').waitFor();
      await page
        .getByTestId('rectification-text')
        .locator('textarea')
        .fill('已统一回访策略：同一保单回访每日最多一次，晚间不再外呼');
      await tapButton(page, '关闭整改');
      await page.getByTestId('rectification-evidence').getByText('同一保单回访每日最多一次').waitFor();
      await detail.getByText('已关闭').waitFor();
      await page.getByTestId('rectification-trail').getByText('整改关闭').waitFor();
      await saveScreenshot(page, 'voice-rectification-closed');
    });
  });

  it('an urgent complaint breaches its 2 hours, escalates to 浦东中支, and its head sees it arrive live', async () => {
    const head = await newPhonePage(session.browser, DESK_VIEWPORT);
    try {
      await signIn(head.page, 'demo-exec-sh-pd', '/packages/voice/stream/index');
      await head.page.getByTestId('voice-listening').getByText('实时聆听中：浦东中心支公司').waitFor();

      // 张伟 files through the API: a threat of litigation makes it urgent (2-hour internal contact).
      const policyNo = buildDemoData(todayInShanghai()).policies.find(
        (p) => p.holderId === 'C001' && p.insuredId === 'C001',
      )!.policyNo;
      const token = await demoAccessToken(session.stack.apiUrl, 'demo-customer-c001');
      const filed = await fetch(`${session.stack.apiUrl}/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          category: 'sales_misleading',
          description: '业务员当初说保本，现在亏了，我已经请了律师准备起诉',
          policyNo,
          preferredContactTime: 'any',
        }),
      });
      assert.equal(filed.status, 201);
      const complaint = (await filed.json()) as ComplaintDetail;
      const system = getSystem();
      assert.equal((await system.repositories.complaints.get(complaint.complaintId))?.severity, 'urgent');

      // Nobody contacts the customer: the escalation job, run as if 2 h 5 min later, moves it up.
      const report = await escalateBreachedComplaints({
        ...system,
        now: () => Date.parse(complaint.receivedAt) + 125 * 60_000,
      });
      assert.ok(report.escalated >= 1);

      // No reload: pushed over the WebSocket to the level it reached.
      const arrived = head.page
        .getByTestId('voice-escalated-complaint')
        .filter({ hasText: complaint.complaintId });
      await arrived.getByText('内部联系（2小时）已超时').waitFor({ timeout: 5000 });
      await arrived.getByText(/升级至浦东中心支公司/).waitFor();
      await saveScreenshot(head.page, 'voice-complaint-escalated-live');
    } finally {
      await head.context.close();
    }
  });

  it('a fixed standard’s late claim warns 张江 and escalates to 浦东中支, whose head sees both arrive live', async () => {
    const head = await newPhonePage(session.browser, DESK_VIEWPORT);
    try {
      await signIn(head.page, 'demo-exec-sh-pd', '/packages/voice/stream/index');
      await head.page.getByTestId('voice-listening').getByText('实时聆听中：浦东中心支公司').waitFor();

      // 系统固化: the claims standard fixed (as an admin's last step would), and a 张江 claim whose
      // documents were complete 6 days ago and is still not decided (the claims system's event).
      const system = getSystem();
      const standards = system.repositories.standards;
      const [version] = await standards.listVersions('claim_decision_time');
      assert.ok(version);
      const now = system.now();
      const fixedVersion = {
        ...version,
        status: 'fixed' as const,
        steps: { ...version.steps, evaluated: now, fixed: now },
      };
      const audit = {
        standardId: version.standardId,
        version: version.version,
        at: now,
        actorId: 'demo-admin',
        detail: '',
      };
      assert.ok(await standards.save(fixedVersion, version.status, { ...audit, action: 'fixed' }));
      assert.ok(
        await system.measurements.publish({
          eventId: 'e2e_claims:LATE-1:documents_complete',
          type: 'claim.documents_complete',
          at: now - 6 * 86_400_000,
          caseId: 'e2e_claims:LATE-1',
          branchPath: 'HQ/SH/SH-PD/SH-PD-01',
          policyNo: 'P2026120600000777',
          actor: 'claims',
          source: 'ingested',
        }),
      );
      const silent = { warn: () => {}, error: () => {} };
      assert.ok((await warnStandardBreaches({ ...system, logger: silent })).raised >= 2);
      // The job's push step, run until every alert raised (the demo month's too) is pushed.
      while ((await pushStandardAlerts({ ...system, logger: silent })).pushed > 0);

      // No reload: both alerts of the case arrive, the policy number masked.
      const ours = head.page.getByTestId('voice-standard-alert').filter({ hasText: 'P202*********0777' });
      await ours.filter({ hasText: '服务标准临近超时预警' }).filter({ hasText: '张江营销服务部' }).waitFor();
      await ours.filter({ hasText: '服务标准超时升级' }).filter({ hasText: '报至浦东中心支公司' }).waitFor();
      await saveScreenshot(head.page, 'voice-standard-alert-live');
      // A tap opens 服务标准看板, whose 预警与升级 lists it; the way back returns to the stream as it was.
      await ours.filter({ hasText: '服务标准超时升级' }).click();
      await head.page.getByTestId('standards-dashboard').waitFor();
      await head.page
        .getByTestId('standard-alerts')
        .getByText(/浦东中心支公司/)
        .first()
        .waitFor();
      await head.page.goBack();
      await ours.filter({ hasText: '服务标准超时升级' }).waitFor();
    } finally {
      await head.context.close();
    }
  });

  it('the 浦东中支 head listens in on 张伟’s live handoff, masked, while staff answer', async () => {
    const zhang = buildDemoData(todayInShanghai()).customers.find((c) => c.customerId === 'C001')!;
    const api = async (userId: string, path: string, body?: unknown) => {
      const response = await fetch(`${session.stack.apiUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await demoAccessToken(session.stack.apiUrl, userId)}`,
        },
        body: JSON.stringify(body ?? {}),
      });
      assert.ok(response.status < 300, `${path}: ${response.status} ${await response.clone().text()}`);
      return (await response.json()) as { conversationId: string };
    };
    const chat = await api('demo-customer-c001', '/assistant/messages', { text: '我要转人工' });
    const handoffId = chat.conversationId;
    await api('demo-customer-c001', '/assistant/handoffs', { conversationId: handoffId });

    const head = await newPhonePage(session.browser, DESK_VIEWPORT);
    try {
      await signIn(head.page, 'demo-exec-sh-pd', '/packages/voice/stream/index');
      await head.page.getByTestId('voice-listening').getByText('实时聆听中：浦东中心支公司').waitFor();
      await tapButton(head.page, '人工客服旁听');
      // At PC width the list sits beside the chat, the first one open.
      await head.page.getByTestId('listened-handoff-split').waitFor();
      await head.page.getByTestId('listened-handoff').filter({ hasText: '张*' }).waitFor();
      const chatView = head.page.getByTestId('listened-chat');
      await chatView.getByText('实时旁听中（只读，个人信息已脱敏）').waitFor();

      // Staff take the chat and answer; 张伟 writes his name, phone and ID number.
      await api('demo-staff-sh', `/staff/handoffs/${handoffId}/claim`);
      await chatView.getByText('服务中').waitFor();
      await api('demo-customer-c001', `/assistant/handoffs/${handoffId}/messages`, {
        text: `我是${zhang.name}，手机${zhang.phone}，身份证${zhang.idNumber}，想改红利领取方式`,
      });
      await api('demo-staff-sh', `/assistant/handoffs/${handoffId}/messages`, {
        text: `${zhang.name}先生您好，红利领取方式可以改为现金领取`,
      });
      // No reload: pushed over the WebSocket, masked.
      const messages = head.page.getByTestId('listened-message');
      await messages.filter({ hasText: '我是张*' }).waitFor({ timeout: 5000 });
      await messages.filter({ hasText: '张*先生您好' }).waitFor({ timeout: 5000 });
      const shown = (await head.page.locator('body').textContent()) ?? '';
      assert.ok(!shown.includes(zhang.phone), 'no phone number on the executive’s page');
      assert.ok(!shown.includes(zhang.idNumber), 'no ID number on the executive’s page');
      assert.ok(!shown.includes(zhang.name), 'no full name on the executive’s page');
      assert.equal(await chatView.locator('input, textarea').count(), 0, 'nothing to type in');
      await saveScreenshot(head.page, 'voice-handoff-listen-in');
    } finally {
      await head.context.close();
    }

    // On a phone: the list, a chat opened in place, and 返回列表; the listen-in is in the log.
    await onPhonePage(session.browser, 'voice-handoff-listen-in-phone', async (page) => {
      await signIn(page, 'demo-exec-hq', '/packages/voice/handoffs/index');
      await page.getByTestId('listened-handoff').filter({ hasText: '张*' }).click();
      await page.getByTestId('listened-message').filter({ hasText: '张*先生您好' }).waitFor();
      await page.getByTestId('listened-back').click();
      await page.getByTestId('listened-handoff').filter({ hasText: '张*' }).waitFor();
      await page.goto(`${session.stack.appUrl}/packages/voice/stream/index`);
      await tapButton(page, '查看今日聆听记录');
      await page
        .getByTestId('voice-listening-session')
        .filter({ hasText: /浦东中支.*旁听人工客服对话（张江营销服务部）/ })
        .first()
        .waitFor();
    });
  });
});
