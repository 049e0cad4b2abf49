import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { DEMO_PAYEE_CARD_NUMBER } from '../functions/src/seed/demo-endorsements';
import { demoPolicyNo } from '../functions/test/endorsements/endorsement-steps';
import { signedDrafts } from '../functions/test/endorsements/signed-drafts';
import { DESK_VIEWPORT, newPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, demoAccessToken, signInAsDemoUser } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * The review console (保全审核) at a PC's width: the queue and the selected application stand side
 * by side; choosing another shows it without leaving the queue, and a decision takes it off the
 * queue at once. Two of 王芳's loans (her annuity, signed) are submitted for review first.
 */
let submitted: string[] = [];
const session = useE2eSession(async () => {
  const { getSystem } = await import('../functions/src/system');
  const ids = await signedDrafts(
    getSystem(),
    'demo-customer-c004',
    demoPolicyNo('C004', 'AN02'),
    {
      type: 'policy_loan',
      amountCents: 1_000_000,
      payeeCard: { cardHolderName: '王芳', cardNumber: DEMO_PAYEE_CARD_NUMBER },
    },
    2,
  );
  const token = await demoAccessToken(session.stack.apiUrl, 'demo-customer-c004');
  for (const applicationId of ids) {
    const response = await fetch(`${session.stack.apiUrl}/endorsements/${applicationId}/submit`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
      body: '{}',
    });
    assert.ok(response.ok, await response.text());
  }
  submitted = ids;
});

describe('the review console at 1280 px', () => {
  it('shows the queue and the application side by side; a decision leaves the queue', async () => {
    const { context, page } = await newPhonePage(session.browser, DESK_VIEWPORT);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-staff-sh');
      await page.goto(`${session.stack.appUrl}/packages/endorsements/reviews/index`);
      await page.getByTestId('review-split').waitFor();
      const list = await page.getByTestId('review-queue').boundingBox();
      const detail = page.getByTestId('review-detail');
      await detail.getByTestId('decision-panel').waitFor();
      const detailBox = await detail.boundingBox();
      assert.ok(list && detailBox, 'both panes are on screen');
      assert.ok(detailBox.x >= list.x + list.width, 'the detail stands to the right of the queue');
      assert.ok(Math.abs(detailBox.y - list.y) < 40, 'side by side, not stacked');
      const items = page.getByTestId('application-item');
      assert.equal(await items.count(), submitted.length);
      await saveScreenshot(page, 'review-console-1280');

      // Another application opens beside the queue, the page stays.
      const second = items.nth(1);
      const secondId = await second.getAttribute('data-application-id');
      await second.click();
      await detail.getByText(secondId ?? '—').waitFor();
      assert.match(page.url(), /packages\/endorsements\/reviews/);

      // Decided, it leaves the queue and the next one in line opens beside it.
      await detail.getByTestId('approve').click();
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid="application-item"]').length === count,
        submitted.length - 1,
      );
      const remaining = await items.first().getAttribute('data-application-id');
      assert.notEqual(remaining, secondId);
      await detail.getByText(remaining ?? '—').waitFor();
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('keeps the phone layout at 375 px', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-staff-sh');
      await page.goto(`${session.stack.appUrl}/packages/endorsements/reviews/index`);
      await page.getByTestId('review-queue').waitFor();
      assert.equal(await page.getByTestId('review-split').count(), 0);
    } finally {
      await context.close();
    }
  });
});
