import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import type { NoticeStore } from '@zhixiang/shared/ports/notices';
import {
  deliverLeasedNotice,
  type NoticeOutboxDeps,
  type NoticeRetryReport,
  retryDueNotices,
} from './notice-outbox';
import type { NotifyPremiumDeps } from './notify-premium';
import {
  type RenewalNoticeReport,
  type SendRenewalNoticesDeps,
  sendRenewalNotices,
} from './send-renewal-notices';

export interface RenewalRunDeps extends Pick<SendRenewalNoticesDeps, 'now' | 'logger' | 'index'> {
  policies: { get(policyNo: string): Promise<PolicyRecord | null> };
  notices: NoticeStore;
  notify: NotifyPremiumDeps;
  metrics: NoticeOutboxDeps['metrics'];
}

/**
 * One hourly run (the scheduled function, and `npm run admin -- send-renewal-notices` locally):
 * first the notice outbox's due entries (notices held back by quiet hours whose time has come,
 * failed attempts due again), then the pre-debit notices due now.
 */
export async function runRenewalNotices(
  deps: RenewalRunDeps,
): Promise<RenewalNoticeReport & { outbox: NoticeRetryReport }> {
  const outbox = await retryDueNotices(deps);
  const report = await sendRenewalNotices({
    index: deps.index,
    notices: deps.notices,
    now: deps.now,
    logger: deps.logger,
    deliver: async ({ notice, preference }) => {
      const { status } = await deliverLeasedNotice(deps, notice, { preference });
      return status === 'sent' || status === 'unreachable';
    },
  });
  return { ...report, outbox };
}
