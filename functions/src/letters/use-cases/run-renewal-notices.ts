import { preferenceFor } from '@zhixiang/shared/notices/preferences';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import type { NoticeStore } from '@zhixiang/shared/ports/notices';
import type { NotifyPremiumDeps } from './notify-premium';
import { notifyPremium } from './notify-premium';
import {
  type RenewalNoticeReport,
  type SendRenewalNoticesDeps,
  sendRenewalNotices,
} from './send-renewal-notices';

export interface RenewalRunDeps extends Pick<SendRenewalNoticesDeps, 'now' | 'logger'> {
  policies: SendRenewalNoticesDeps['premiums'] & { get(policyNo: string): Promise<PolicyRecord | null> };
  notices: SendRenewalNoticesDeps['notices'] & NoticeStore;
  notify: NotifyPremiumDeps;
}

/**
 * One hourly run (the scheduled function, and `npm run admin -- send-renewal-notices` locally):
 * first the debit-result notices held back by quiet hours whose time has come, then the pre-debit
 * notices due now.
 */
export async function runRenewalNotices(
  deps: RenewalRunDeps,
): Promise<RenewalNoticeReport & { deferredSent: number }> {
  const { notify, policies } = deps;
  let deferredSent = 0;
  for (const deferred of await deps.notices.listDeferred(deps.now())) {
    if (!(await deps.notices.takeDeferred(deferred))) continue;
    const policy = await policies.get(deferred.policyNo);
    if (!policy) continue;
    const preference = preferenceFor(
      policy.holderId,
      policy.policyNo,
      await deps.notices.listPreferences(policy.holderId),
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
    notices: deps.notices,
    now: deps.now,
    logger: deps.logger,
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
