import { preferenceFor } from '@zhixiang/shared/notices/preferences';
import type { Container } from '../../container';
import { notifyPremiumDeps } from './notice-deps';
import { notifyPremium } from './notify-premium';
import { type RenewalNoticeReport, sendRenewalNotices } from './send-renewal-notices';

/**
 * One hourly run (the scheduled function, and `npm run admin -- send-renewal-notices` locally):
 * first the debit-result notices held back by quiet hours whose time has come, then the pre-debit
 * notices due now.
 */
export async function runRenewalNotices(
  container: Container,
): Promise<RenewalNoticeReport & { deferredSent: number }> {
  const notify = notifyPremiumDeps(container);
  const { policies } = container.repositories;
  let deferredSent = 0;
  for (const deferred of await container.notices.listDeferred(container.now())) {
    if (!(await container.notices.takeDeferred(deferred))) continue;
    const policy = await policies.get(deferred.policyNo);
    if (!policy) continue;
    const preference = preferenceFor(
      policy.holderId,
      policy.policyNo,
      await container.notices.listPreferences(policy.holderId),
    );
    await notifyPremium(notify, {
      key: deferred,
      policy,
      amountCents: deferred.deferred.amountCents,
      preference,
      day: deferred.deferred.day,
      nextDueDate: deferred.deferred.nextDueDate,
      ...(deferred.deferred.failureReason ? { failureReason: deferred.deferred.failureReason } : {}),
    });
    deferredSent++;
  }
  const report = await sendRenewalNotices({
    premiums: policies,
    notices: container.notices,
    now: container.now,
    logger: container.logger,
    deliver: async (notice) => {
      const policy = await policies.get(notice.key.policyNo);
      if (!policy) throw new Error(`policy ${notice.key.policyNo} vanished`);
      await notifyPremium(notify, {
        key: notice.key,
        policy,
        amountCents: notice.premium.premiumCents,
        preference: notice.preference,
        day: notice.day,
      });
    },
  });
  return { ...report, deferredSent };
}
