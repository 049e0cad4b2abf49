import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import type { Locator, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { getSystem } from '../functions/src/system';
import { projectVoice } from '../functions/src/voice/use-cases/project-voice';
import {
  DESK_VIEWPORT,
  launchChromiumWithCamera,
  newPhonePage,
  onPhonePage,
  saveScreenshot,
  y4mStill,
} from './support/browser';
import { advanceClockOfThisProcess } from './support/clock';
import { demoAccessToken, signInOncePerFile, tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Club events (客户俱乐部活动) in the H5 build: 张伟 registers his family for the seeded 太活力 fun
 * run; its 2-seat afternoon session fills, 刘洋 joins the waiting list, and when a seat frees he
 * is told of the offer in his 消息中心 and accepts it. At the door, staff scan the family's entry QR code as 张伟's
 * phone shows it (Chromium's fake camera plays a picture of his screen), a second scan is caught,
 * and a second phone that scanned it offline is told so when it syncs. An agent invites a customer
 * with his link and sees her among his invitees; staff pledge books to the 太有爱 eye-health day.
 * Staff create an event, upload its cover (a presigned PUT to S3) and publish it, and 张伟 sees it
 * with its cover; after a session he attended he rates it with one tap, and the low rating reaches
 * the listening 浦东中支 head's page live.
 */
const session = useE2eSession();
const EVENT = 'EV-DEMO-RUN';

async function api(userId: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const token = await demoAccessToken(session.stack.apiUrl, userId);
  const response = await fetch(`${session.stack.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

/** Waits until the event's cover inside `scope` has loaded from its link (a picture, not a broken image). */
async function coverShown(page: Page, scope: Locator): Promise<void> {
  const img = scope.getByTestId('event-cover-image').locator('img');
  await img.waitFor();
  await page.waitForFunction(
    (node) =>
      node !== null && (node as HTMLImageElement).complete && (node as HTMLImageElement).naturalWidth > 0,
    await img.elementHandle(),
  );
}

/** A cover picture as the staff member's phone would have it: a 640 × 360 PNG drawn in the page. */
async function coverPicture(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#e8f3ea';
    context.fillRect(0, 0, 640, 360);
    context.fillStyle = '#2f7d4a';
    context.font = '48px sans-serif';
    context.fillText('社区读书角', 200, 190);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

async function fillCompanion(page: Page, index: number, name: string, relation: string, birthDate: string) {
  await page.getByTestId(`companion-${index}-name`).locator('input').fill(name);
  await page.getByTestId(`companion-${index}-relation-${relation}`).click();
  await page.getByTestId(`companion-${index}-birth-date`).locator('input').fill(birthDate);
}

/** The camera's picture: 张伟's QR code, as his phone draws it, on a white 640 × 480 frame. */
const FRAME = { width: 640, height: 480 };

async function pictureOfTicket(page: Page): Promise<Buffer> {
  const img = page.getByTestId('event-ticket-qr').locator('img');
  await img.waitFor();
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-testid="event-ticket-qr"] img') as HTMLImageElement | null)?.complete,
  );
  const luma = await img.evaluate((node, frame) => {
    const canvas = document.createElement('canvas');
    canvas.width = frame.width;
    canvas.height = frame.height;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, frame.width, frame.height);
    context.imageSmoothingEnabled = false;
    const side = 400;
    context.drawImage(
      node as HTMLImageElement,
      (frame.width - side) / 2,
      (frame.height - side) / 2,
      side,
      side,
    );
    const { data } = context.getImageData(0, 0, frame.width, frame.height);
    let out = '';
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0] = data.subarray(i, i + 3);
      out += String.fromCharCode(Math.round(0.299 * r + 0.587 * g + 0.114 * b));
    }
    return btoa(out);
  }, FRAME);
  return y4mStill(FRAME.width, FRAME.height, Buffer.from(luma, 'base64'));
}

async function openDoor(page: Page) {
  await signInOncePerFile(page, session.stack.appUrl, 'demo-staff-sh', '/pages/home/index');
  await page.getByTestId('entry-event-door').click();
  await page.getByTestId('staff-event-item').filter({ hasText: '太活力·滨江亲子欢乐跑' }).click();
  await page.getByTestId('event-door').waitFor();
}

async function openEvent(page: Page, userId: string) {
  await signInOncePerFile(page, session.stack.appUrl, userId, '/pages/home/index');
  await page.getByTestId('entry-events').click();
  await page.getByTestId('event-item').filter({ hasText: '太活力·滨江亲子欢乐跑' }).click();
  await page.getByTestId('event-detail').waitFor();
}

describe('club events journeys', () => {
  it('张伟 registers his family for a 太活力 event: a child needs the guardian’s consent, names are masked', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await openEvent(page, 'demo-customer-c001');
      await page.getByTestId('session-S1').click();
      await tapButton(page, '添加同行人');
      await fillCompanion(page, 0, '李娜', 'spouse', '1980-07-21');
      await tapButton(page, '添加同行人');
      await fillCompanion(page, 1, '张小雨', 'child', '2015-05-08');
      await page.getByText('未满 14 周岁：儿童').waitFor();

      // Leaving and coming back keeps what was typed.
      await page.goBack();
      await page.getByTestId('event-list').waitFor();
      await page.getByTestId('event-item').filter({ hasText: '太活力·滨江亲子欢乐跑' }).click();
      assert.equal(await page.getByTestId('companion-1-name').locator('input').inputValue(), '张小雨');

      await tapButton(page, '提交报名（3 人）');
      await page.getByText('请勾选监护人同意').waitFor();
      await page.getByTestId('guardian-consent').click();
      await tapButton(page, '提交报名（3 人）');

      const mine = page.getByTestId('my-registration');
      await mine.waitFor();
      const text = (await mine.textContent()) ?? '';
      assert.match(text, /已报名/);
      assert.match(text, /共 3 人/);
      assert.match(text, /子女 张\*\*（儿童）/);
      assert.doesNotMatch(await page.content(), /张小雨|2015-05-08/);
      await saveScreenshot(page, 'events-family-registered');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('the session fills, 刘洋 joins the waiting list and later accepts the seat offered to him', async () => {
    // 李娜 takes both seats of the afternoon session (herself and her daughter).
    const lina = await api('demo-customer-c002', 'POST', `/events/${EVENT}/registration`, {
      sessionId: 'S2',
      companions: [{ name: '张小雨', relation: 'child', birthDate: '2015-05-08' }],
      guardianConsent: true,
      waitIfFull: false,
    });
    assert.equal(lina.status, 201, lina.text);

    const { context, page } = await newPhonePage(session.browser);
    try {
      await openEvent(page, 'demo-customer-c005');
      const afternoon = page.getByTestId('session-S2');
      assert.match((await afternoon.textContent()) ?? '', /已满/);
      await afternoon.click();
      await tapButton(page, '名额已满，加入候补名单（1 人）');
      const mine = page.getByTestId('my-registration');
      await mine.waitFor();
      assert.match((await mine.textContent()) ?? '', /候补中/);
      assert.match((await page.getByTestId('waiting-position').textContent()) ?? '', /候补第 1 位/);
      await saveScreenshot(page, 'events-waiting');

      // A seat frees: 李娜 cancels; the head of the list is offered the seat at once.
      const cancelled = await api('demo-customer-c002', 'POST', `/events/${EVENT}/registration/cancel`);
      assert.equal(cancelled.status, 200, cancelled.text);

      // He is told at once: the offer is in his 消息中心 (no WeChat bound: by SMS), and opens the event.
      await page.goto(`${session.stack.appUrl}/packages/messages/centre/index`);
      const told = page.getByTestId('message-item').filter({ hasText: '活动候补名额已为您保留' });
      await told.waitFor();
      assert.match(
        (await told.textContent()) ?? '',
        /「太活力·滨江亲子欢乐跑」.*候补名额已为您保留，请于 .* 前到活动页确认/,
      );
      assert.match((await told.textContent()) ?? '', /已通过短信发送/);
      await saveScreenshot(page, 'events-offer-message');
      await told.click();
      await page.waitForURL(/events\/detail/);
      await page.getByTestId('my-registration').filter({ hasText: '候补名额待确认' }).waitFor();

      await page.goto(`${session.stack.appUrl}/packages/events/mine/index`);
      const item = page.getByTestId('my-registration-item').filter({ hasText: '太活力·滨江亲子欢乐跑' });
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /候补名额待确认/);
      assert.match((await item.getByTestId('offer-expires').textContent()) ?? '', /请在 .* 前确认/);
      await item.click();
      await page.getByTestId('accept-offer').click();
      await page.getByTestId('my-registration').filter({ hasText: '已报名' }).waitFor();
      await saveScreenshot(page, 'events-offer-accepted');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('staff check the family in by scanning 张伟’s QR code; a second scan, and an offline one synced later, are caught', async () => {
    let picture: Buffer | undefined;
    await onPhonePage(session.browser, 'events-ticket', async (page) => {
      await openEvent(page, 'demo-customer-c001');
      await page.getByTestId('event-ticket').getByText('入场时请向工作人员出示').waitFor();
      picture = await pictureOfTicket(page);
    });
    const folder = mkdtempSync(join(tmpdir(), 'zx-door-camera-'));
    const video = join(folder, 'ticket.y4m');
    writeFileSync(video, picture!);
    const camera = await launchChromiumWithCamera(video);
    try {
      await onPhonePage(camera, 'events-door-report', async (page) => {
        await openDoor(page);
        await tapButton(page, '扫码签到');
        const first = page.getByTestId('door-log-entry').first();
        await first.filter({ hasText: '已签到' }).waitFor();
        assert.match((await first.textContent()) ?? '', /张\* 等 3 人/);
        await page.getByTestId('door-session-S1').filter({ hasText: '已签到 3 人' }).waitFor();

        await tapButton(page, '扫码签到');
        await page
          .getByTestId('door-log-entry')
          .first()
          .filter({ hasText: '该入场码已在本机扫描过，请勿重复扫码' })
          .waitFor();

        // The report counts the family as arrived.
        await tapButton(page, '活动报表');
        const total = page
          .getByTestId('event-report')
          .getByTestId('report-branch-row')
          .filter({ hasText: '合计' });
        await total.waitFor();
        assert.match((await total.textContent()) ?? '', /签到 3 人/);
      });

      // A second phone at another door scanned the same code while its network was down.
      await onPhonePage(camera, 'events-door-offline-synced', async (page) => {
        await openDoor(page);
        await page.context().setOffline(true);
        await tapButton(page, '扫码签到');
        await page.getByTestId('door-log-entry').first().filter({ hasText: '已在本机记录签到' }).waitFor();
        assert.match((await page.getByTestId('sync-scans').textContent()) ?? '', /同步离线签到（1 条）/);
        // The network comes back: the queued scan goes out by itself.
        await page.context().setOffline(false);
        await page
          .getByTestId('door-log-entry')
          .first()
          .filter({ hasText: /离线记录同步未通过：已于 .* 签到，请勿重复扫码/ })
          .waitFor();
        assert.equal(await page.getByTestId('sync-scans').count(), 0);
      });
    } finally {
      await camera.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('an agent invites a customer: 李娜 registers through his link and appears among his invitees, masked', async () => {
    let link = '';
    await onPhonePage(session.browser, 'events-agent-invites', async (page) => {
      await openEvent(page, 'demo-agent-a001');
      const card = page.getByTestId('invite-card');
      await card.waitFor();
      link = ((await card.getByTestId('share-link').textContent()) ?? '').trim();
      assert.match(link, /\/packages\/events\/detail\/index\?eventId=EV-DEMO-RUN&invitedBy=A\d+$/);
      assert.match((await card.textContent()) ?? '', /通过我的邀请报名（0 位）/);
    });
    await onPhonePage(session.browser, 'events-invited-customer', async (page) => {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-customer-c002');
      await page.goto(link);
      await page.getByTestId('event-detail').waitFor();
      await page.getByTestId('session-S1').click();
      await tapButton(page, '提交报名（1 人）');
      await page.getByTestId('my-registration').filter({ hasText: '已报名' }).waitFor();
    });
    await onPhonePage(session.browser, 'events-agent-invitees', async (page) => {
      await openEvent(page, 'demo-agent-a001');
      const card = page.getByTestId('invite-card');
      await card.getByText('通过我的邀请报名（1 位）').waitFor();
      assert.match((await card.getByTestId('invitee').textContent()) ?? '', /^李\* · 已报名 · 1 人/);
      assert.doesNotMatch(await page.content(), /李娜/);
    });
  });

  it('staff pledge books to the 太有爱 eye-health day and see their pledge', async () => {
    await onPhonePage(session.browser, 'events-staff-pledge', async (page) => {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-staff-sh', '/pages/home/index');
      await page.getByTestId('entry-events').click();
      await page.getByTestId('event-item').filter({ hasText: '明眸看世界' }).click();
      const card = page.getByTestId('pledge-card');
      await card.waitFor();
      await card.getByTestId('pledge-kind-books').click();
      await card.getByTestId('pledge-amount').locator('input').fill('30');
      await tapButton(page, '确认认捐');
      await card.getByText('请填写认捐说明，如捐赠的物品或可支教的时间').waitFor();
      await card.getByTestId('pledge-note').locator('input').fill('儿童绘本 30 册，活动当天带到主会场');
      await tapButton(page, '确认认捐');
      await card.getByTestId('my-pledge').filter({ hasText: '捐书 30 册' }).waitFor();
    });
    const report = await api('demo-staff-sh', 'GET', '/staff/events/EV-DEMO-EYES/report');
    assert.equal(report.status, 200, report.text);
    assert.equal((JSON.parse(report.text) as { pledges: { books: number } }).pledges.books, 30);
  });
  it('staff create an event, upload its cover and publish it; 张伟 sees it with its cover', async () => {
    const title = '太有爱·社区读书角';
    const day = 24 * 3_600_000;
    const now = Date.now();
    await onPhonePage(session.browser, 'events-staff-published-with-cover', async (page) => {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-staff-sh', '/pages/home/index');
      await page.getByTestId('entry-event-door').click();
      await page.getByTestId('new-event').click();
      const form = page.getByTestId('event-edit');
      await form.waitFor();
      const fill = (testId: string, value: string) => form.getByTestId(testId).locator('input').fill(value);
      await fill('event-title', title);
      await fill('event-city', '上海');
      await form
        .getByTestId('event-description')
        .locator('textarea')
        .fill('社区里的读书角，一起为希望小学整理捐赠的图书。');
      await fill('event-what-to-bring', '想捐赠的图书');
      await fill('venue-name', '陆家嘴客户服务中心');
      await fill('venue-address', '上海市浦东新区陆家嘴环路1000号');
      await fill('session-starts', formatShanghaiDateTime(now + 3 * day));
      await fill('session-ends', formatShanghaiDateTime(now + 3 * day + 2 * 3_600_000));
      await fill('session-capacity', '30');
      await fill('registration-opens', formatShanghaiDateTime(now - 3_600_000));
      await fill('registration-closes', formatShanghaiDateTime(now + 2 * day));
      await tapButton(page, '保存草稿');

      // Saved as a draft: the page is the event's own now, with its cover card.
      await page.waitForURL(/eventId=/);
      const cover = page.getByTestId('event-cover');
      await cover.getByText('尚未上传封面').waitFor();
      const chooser = page.waitForEvent('filechooser');
      await cover.locator('taro-button-core', { hasText: '上传封面' }).click();
      await (await chooser).setFiles({
        name: 'cover.png',
        mimeType: 'image/png',
        buffer: await coverPicture(page),
      });
      await coverShown(page, cover);
      await cover.locator('taro-button-core', { hasText: '更换封面' }).waitFor();

      await tapButton(page, '发布活动');
      await page.getByTestId('event-edit').getByText('已发布', { exact: true }).waitFor();
      await page.getByText('活动已发布，内容不能再修改。').waitFor();
    });

    await onPhonePage(session.browser, 'events-customer-sees-cover', async (page) => {
      await signInOncePerFile(page, session.stack.appUrl, 'demo-customer-c001', '/pages/home/index');
      await page.getByTestId('entry-events').click();
      const item = page.getByTestId('event-item').filter({ hasText: title });
      await coverShown(page, item);
      await item.click();
      const detail = page.getByTestId('event-detail');
      await detail.getByText(title).first().waitFor();
      await coverShown(page, detail);
    });
  });

  it('after the session 张伟 rates it with one tap and sees his rating; the 浦东中支 head hears the low rating live', async () => {
    // An event whose only session ends within seconds: staff publish it, 张伟 registers and is checked in.
    const title = '太有爱·绘本共读会';
    const now = Date.now();
    const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString();
    const created = await api('demo-staff-sh', 'POST', '/staff/events', {
      brand: 'charity',
      title,
      city: '上海',
      description: '和孩子们一起读绘本，活动结束后请为本场活动评分。',
      venues: [{ name: '张江营销服务部', address: '上海市浦东新区张江路88号' }],
      sessions: [{ venueIndex: 0, startsAt: iso(13_000), endsAt: iso(15_000), capacity: 10 }],
      audience: { roles: ['customer'], segment: null, ageBand: null, organiserBranchOnly: false },
      registrationOpensAt: iso(-3_600_000),
      registrationClosesAt: iso(12_000),
      whatToBring: '无',
      maxCompanions: 0,
    });
    assert.equal(created.status, 201, created.text);
    const eventId = (JSON.parse(created.text) as { eventId: string }).eventId;
    const published = await api('demo-staff-sh', 'POST', `/staff/events/${eventId}/publish`);
    assert.equal(published.status, 200, published.text);
    const registered = await api('demo-customer-c001', 'POST', `/events/${eventId}/registration`, {
      sessionId: 'S1',
      companions: [],
      guardianConsent: false,
      waitIfFull: false,
    });
    assert.equal(registered.status, 201, registered.text);
    const ticket = await api('demo-customer-c001', 'GET', `/events/${eventId}/registration/ticket`);
    const checkedIn = await api('demo-staff-sh', 'POST', `/staff/events/${eventId}/check-in`, {
      ticket: (JSON.parse(ticket.text) as { ticket: string }).ticket,
    });
    assert.equal(checkedIn.status, 200, checkedIn.text);
    // The session's end passes: the file's clock moves past it rather than waiting for it.
    advanceClockOfThisProcess(Math.max(0, now + 16_000 - Date.now()));

    const head = await newPhonePage(session.browser, DESK_VIEWPORT);
    try {
      await signInOncePerFile(head.page, session.stack.appUrl, 'demo-exec-sh-pd');
      await head.page.goto(`${session.stack.appUrl}/packages/voice/stream/index`);
      await head.page.getByTestId('voice-listening').getByText('实时聆听中：浦东中心支公司').waitFor();

      await onPhonePage(session.browser, 'events-rated', async (page) => {
        await signInOncePerFile(page, session.stack.appUrl, 'demo-customer-c001');
        // The session has ended: the page offers the rating.
        await page.goto(`${session.stack.appUrl}/packages/events/detail/index?eventId=${eventId}`);
        const form = page.getByTestId('rating-form');
        await form.getByText('活动已结束，请为本场活动评分').waitFor();
        await form.getByTestId('rating-comment').locator('input').fill('签到排队太久，座位也不够');
        await form.getByTestId('rate-2').click();
        await page
          .getByTestId('my-rating')
          .filter({ hasText: '我的评价：★★ 签到排队太久，座位也不够' })
          .waitFor();
        assert.equal(await page.getByTestId('rating-form').count(), 0);
      });

      // The voice projection's minute comes: the low rating arrives on the head's page, no reload.
      await projectVoice(getSystem());
      const heard = head.page.getByTestId('voice-item').filter({ hasText: title });
      await heard.waitFor({ timeout: 5000 });
      const text = (await heard.textContent()) ?? '';
      assert.match(text, /俱乐部活动评价/);
      assert.match(text, /评分 2 星：签到排队太久，座位也不够（场次：.+ 张江营销服务部）/);
      assert.match(text, /张\*/);
      assert.doesNotMatch(text, /张伟/);
      await saveScreenshot(head.page, 'events-low-rating-heard');
    } finally {
      await head.context.close();
    }
  });
});
