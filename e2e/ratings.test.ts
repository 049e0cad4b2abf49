import assert from 'node:assert/strict';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { describe, it } from 'vitest';
import { DEMO_ENDORSEMENT_ID } from '../functions/src/seed/demo-endorsements';
import { getSystem } from '../functions/src/system';
import { projectVoice } from '../functions/src/voice/use-cases/project-voice';
import { DESK_VIEWPORT, newPhonePage, onPhonePage, saveScreenshot } from './support/browser';
import { agreeToPrivacyGuide, demoAccessToken, signInAsDemoUser } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Journey ratings (服务评价) in the H5 build: 张伟's endorsement has taken effect; its page asks him
 * for a rating, he types a few words and taps 2 stars; the 浦东中支 head's voice stream shows it
 * (masked, 保全变更评价) and the standards report counts one more 保全 rating at his branch.
 */
const session = useE2eSession();
const APPLICATION = 'EA20261125RATEE2';

async function api<T>(userId: string, path: string): Promise<T> {
  const token = await demoAccessToken(session.stack.apiUrl, userId);
  const response = await fetch(`${session.stack.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as T;
}

type Attainment = { ratings: { journey: string; branchPath: string; count: number; low: number }[] };

/** The standards report's 保全 ratings at `branchPath` today, as the 浦东中支 head reads them. */
async function endorsementRatings(branchPath: string) {
  const today = todayInShanghai(new Date());
  const report = await api<Attainment>('demo-exec-sh-pd', `/standards/attainment?from=${today}&to=${today}`);
  return (
    report.ratings.find((r) => r.journey === 'endorsement' && r.branchPath === branchPath) ?? {
      count: 0,
      low: 0,
    }
  );
}

describe('journey ratings', () => {
  it('张伟 rates his effective endorsement 2 stars with words; the 浦东中支 head hears it and the standards report counts it', async () => {
    // 张伟's dividend-option change took effect a minute ago (the engine's result, written as it stores it).
    const system = getSystem();
    const demo = await system.repositories.endorsements.get(DEMO_ENDORSEMENT_ID);
    const policy = (await system.repositories.policies.listByCustomer('C001')).find(
      (p) => p.holderId === 'C001',
    );
    assert.ok(demo && policy);
    const zhangWei = { customerId: 'C001', name: '张伟' };
    await system.repositories.endorsements.create(
      {
        ...demo,
        applicationId: APPLICATION,
        status: 'effective',
        policyNo: policy.policyNo,
        holder: zhangWei,
        insured: zhangWei,
        branchPath: policy.branchPath,
        preparedBy: { ...demo.preparedBy, userId: 'demo-customer-c001', name: '张伟' },
        updatedAt: Date.now() - 60_000,
      },
      [],
    );
    const before = await endorsementRatings(policy.branchPath);

    await onPhonePage(session.browser, 'ratings-endorsement-rated', async (page) => {
      await agreeToPrivacyGuide(page, session.stack.appUrl);
      await signInAsDemoUser(page, 'demo-customer-c001');
      await page.goto(
        `${session.stack.appUrl}/packages/endorsements/application/index?applicationId=${APPLICATION}`,
      );
      const sheet = page.getByTestId('journey-rating');
      await sheet.getByText('请为本次服务评分').waitFor();
      await sheet.getByTestId('journey-rating-comment').locator('textarea').fill('生效通知来得太晚');
      await sheet.getByTestId('journey-rate-2').click();
      await page.getByTestId('journey-rated').filter({ hasText: '感谢您的评价：★★' }).waitFor();
      // Asked once: coming back, the server lists it no more and the page does not ask again.
      await page.reload();
      await page.getByTestId('application-result').waitFor();
      assert.equal(await page.getByTestId('journey-rating').count(), 0);
    });

    // The voice projection's minute comes: the rating is on the 浦东中支 head's stream, masked.
    await projectVoice(getSystem());
    const head = await newPhonePage(session.browser, DESK_VIEWPORT);
    try {
      await agreeToPrivacyGuide(head.page, session.stack.appUrl);
      await signInAsDemoUser(head.page, 'demo-exec-sh-pd');
      await head.page.goto(`${session.stack.appUrl}/packages/voice/stream/index`);
      const heard = head.page.getByTestId('voice-item').filter({ hasText: '生效通知来得太晚' });
      await heard.waitFor();
      const text = (await heard.textContent()) ?? '';
      assert.match(text, /保全变更评价/);
      assert.match(text, /评分 2 星：生效通知来得太晚/);
      assert.match(text, /张\*/);
      assert.doesNotMatch(text, /张伟/);
      await saveScreenshot(head.page, 'ratings-voice-heard');
    } finally {
      await head.context.close();
    }

    // The standards report counts it, a low one, at the policy's branch.
    const after = await endorsementRatings(policy.branchPath);
    assert.equal(after.count, before.count + 1);
    assert.equal(after.low, before.low + 1);
  });
});
