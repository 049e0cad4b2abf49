import assert from 'node:assert/strict';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { INGEST_HEADERS } from '@zhixiang/shared/standards/schemas';
import type { Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { DESK_VIEWPORT, newPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, signInAsDemoUser } from './support/journey-steps';
import { useE2eSession } from './support/session';
import { postSigned } from './support/signed-post';
import { addSeededDemoMonth } from './support/stack';

/**
 * 服务标准看板 at a PC's width on a fresh stack: the seed's demo month of measured events (演示数据)
 * is there, and the call centre sends today's hotline calls and a written information request
 * through the signed ingestion route: in 上海 two of five calls wait longer than 20 s, a call in
 * 北京 is outside 钱进's subtree. 钱进 (上海分公司) opens the dashboard from 工作台, reads the figures
 * worst first, sees the charts drawn and the ratings, and opens a breached call's timeline.
 */
const SH_PD = 'HQ/SH/SH-PD';
const SH_MH = 'HQ/SH/SH-MH';
const BJ_HD = 'HQ/BJ/BJ-HD';

function call(id: string, branchPath: string, queuedAt: string, waitSeconds: number) {
  const queued = Date.parse(queuedAt);
  return [
    { eventId: `${id}-queued`, type: 'consultation.call_queued', at: queuedAt, caseId: id, branchPath },
    {
      eventId: `${id}-answered`,
      type: 'consultation.call_answered',
      at: new Date(queued + waitSeconds * 1000).toISOString(),
      caseId: id,
      branchPath,
    },
  ];
}

const session = useE2eSession(async () => {
  await addSeededDemoMonth(inject('seededStack'));
  const secret = process.env.STANDARDS_SIGNING_SECRET;
  assert.ok(secret, 'the local stage has the standards signing secret');
  // Early this morning in Shanghai: after the seeded standards came into force, before the clock's 10:00.
  const at = (hhmm: string) => `${todayInShanghai()}T${hhmm}:00+08:00`;
  const events = [
    ...call('CALL-E2E-001', SH_PD, at('08:01'), 10),
    ...call('CALL-E2E-002', SH_PD, at('08:05'), 12),
    ...call('CALL-E2E-003', SH_PD, at('08:10'), 45),
    ...call('CALL-E2E-004', SH_MH, at('08:15'), 8),
    ...call('CALL-E2E-005', SH_MH, at('08:20'), 60),
    ...call('CALL-E2E-006', BJ_HD, at('08:25'), 5),
    {
      eventId: 'INFO-E2E-001-received',
      type: 'information.request_received',
      at: at('08:00'),
      caseId: 'INFO-E2E-001',
      branchPath: SH_PD,
    },
    {
      eventId: 'INFO-E2E-001-answered',
      type: 'information.answered',
      at: at('09:00'),
      caseId: 'INFO-E2E-001',
      branchPath: SH_PD,
    },
  ];
  const sent = await postSigned(`${session.stack.apiUrl}/standards/events`, INGEST_HEADERS, secret, {
    source: 'call_centre',
    events,
  });
  assert.equal(sent.status, 200, await sent.clone().text());
  assert.deepEqual(await sent.json(), { accepted: events.length, repeated: 0 });
});

/** Waits (up to 5 s) until the chart's canvas has pixels that are not blank. */
async function waitForChart(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor();
  const drawn = await page
    .waitForFunction(
      (selector) => {
        const host = document.querySelector(selector);
        const canvas = host instanceof HTMLCanvasElement ? host : host?.querySelector('canvas');
        const context = canvas?.getContext('2d');
        if (!canvas || !context || canvas.width === 0 || canvas.height === 0) return false;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
        return false;
      },
      `[data-testid="${testId}"]`,
      { timeout: 5000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!drawn) assert.fail(`${testId} stayed blank`);
}

describe('服务标准看板 at 1280 px', () => {
  it('shows the demo month and today’s calls: attainment worst first, the charts drawn, ratings, and a breached call’s timeline', async () => {
    const { context, page } = await newPhonePage(session.browser, DESK_VIEWPORT);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-staff-sh');
      await page.goto(`${session.stack.appUrl}/pages/policies/index`);
      await page.getByText('服务标准看板', { exact: true }).click();
      await page.getByTestId('standards-dashboard').waitFor();

      const rows = page.getByTestId('attainment-row');
      await rows.first().waitFor();
      // The seed's demo month (演示数据) fills the journeys the demo covers; worst first.
      const rates = (await page.getByTestId('attainment-rate').allTextContents()).map((t) =>
        t === '无个案' ? null : Number.parseFloat(t),
      );
      const measured = rates.filter((r): r is number => r !== null);
      assert.ok(measured.length >= 9, `at least 9 standards measured, got ${measured.length}`);
      assert.deepEqual(
        measured,
        [...measured].sort((a, b) => a - b),
        'worst first',
      );
      // The hotline has the demo month's calls and today's five in 上海 (the 北京 call is not 钱进's).
      const hotline = rows.filter({ hasText: '客服热线转人工 20 秒内接起' });
      const counts = /个案 (\d+)（达标 (\d+)，未达标 (\d+)，进行中 0）/.exec(
        (await hotline.textContent()) ?? '',
      );
      assert.ok(counts && Number(counts[1]) > 5, 'the hotline counts the demo month and today');
      // Journeys the demo does not cover have no cases (their contexts fill them as they run).
      const selfService = rows.filter({ hasText: '自助保全' });
      assert.equal(await selfService.getByTestId('attainment-rate').textContent(), '无个案');

      await waitForChart(page, 'standards-attainment-chart');
      // Ratings of the demo month, per journey and branch by name.
      const ratings = page.getByTestId('rating-row');
      await ratings.first().waitFor();
      assert.match((await page.getByTestId('standard-ratings').textContent()) ?? '', /理赔 · 张江营销服务部/);

      // The hotline chosen: its trend over the month and its branches, then its breached calls,
      // today's first (the newest).
      await hotline.click();
      await waitForChart(page, 'standards-trend-chart');
      await waitForChart(page, 'standards-branch-chart');
      // Two columns: the chosen standard stands beside the overview.
      const overview = await page.getByTestId('worst-touchpoints').boundingBox();
      const chosen = await page.getByTestId('chosen-standard').boundingBox();
      assert.ok(overview && chosen, 'both columns are on screen');
      assert.ok(chosen.x >= overview.x + overview.width, 'the chosen standard stands to the right');

      const breached = page.getByTestId('breached-case');
      await breached.first().waitFor();
      const slow = breached.filter({ hasText: 'CALL-E2E-005' });
      assert.match((await slow.textContent()) ?? '', /闵行中心支公司/);
      await slow.getByText('办理轨迹').click();
      const timeline = slow.getByTestId('breach-timeline');
      await timeline.waitFor();
      assert.match((await timeline.textContent()) ?? '', /来电排队[\s\S]*来电接通/);
      await saveScreenshot(page, 'standards-dashboard');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
