import { AppError } from '@zhixiang/shared/errors';
import { addMonths } from '@zhixiang/shared/format/dates';
import {
  inQuietHours,
  type NoticeType,
  nextSendableAt,
  shanghaiClock,
} from '@zhixiang/shared/notices/due-notices';
import { preferenceFor } from '@zhixiang/shared/notices/preferences';
import type { RenewalDebitResult } from '@zhixiang/shared/notices/schemas';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import { MONTHS_PER_PREMIUM_PERIOD } from '@zhixiang/shared/policy/premiums';
import type { NoticeKey, NoticePayload, NoticeStore, NotifyOnIndex } from '@zhixiang/shared/ports/notices';
import type { PolicyRepository } from '@zhixiang/shared/ports/repositories';
import { deliverLeasedNotice, NOTICE_LEASE_MS, type NoticeOutboxDeps } from './notice-outbox';
import { issuePremiumLetter, type NotifyPremiumDeps } from './notify-premium';

export interface ApplyDebitResultDeps {
  policies: Pick<PolicyRepository, 'get' | 'put'>;
  notices: Pick<NoticeStore, 'claim' | 'defer' | 'getNotice' | 'take' | 'listPreferences'>;
  /** The next premium's pre-debit notice is re-keyed when a success moves the due date. */
  index: Pick<NotifyOnIndex, 'refreshPolicies'>;
  /** The notice outbox: delivering a claimed notice, recording failures for the retry job. */
  outbox: NoticeOutboxDeps;
  notify: NotifyPremiumDeps;
}

export interface DebitResultResponse {
  policyNo: string;
  status: string;
  nextDueDate: string | null;
  letterId: string | null;
  notice: 'sent' | 'failed' | 'unreachable' | 'deferred' | 'retrying' | 'not_requested' | 'already_applied';
}

/** The due date after a premium paid on `dueDate` (null for a single premium). */
export function nextDueDateAfter(
  policy: Pick<PolicyRecord, 'premiumFrequency'>,
  dueDate: string,
): string | null {
  const months = MONTHS_PER_PREMIUM_PERIOD[policy.premiumFrequency];
  return months === 0 ? null : addMonths(dueDate, months);
}

/**
 * A debit result from the billing system (signed; see the handler). Success moves the policy's
 * next due date on by one premium period (a version-checked write) and sends the success notice
 * if the customer wants it; failure leaves the premium due (the 60-day grace period runs) and
 * sends the failure notice with how to pay. Each (policy, due date, result type) is applied once
 * and its notice recorded once in the notice outbox, then delivered: a failure while issuing the
 * letter or sending leaves it `failed` with a next attempt time for the retry job (`retrying`),
 * never lost. A repeated result answers `already_applied` — or delivers the notice now if its
 * next attempt is due. Inside the customer's quiet hours the notice (letter and message) waits in
 * the outbox for the first run after they end.
 */
export async function applyDebitResult(
  deps: ApplyDebitResultDeps,
  result: RenewalDebitResult,
): Promise<DebitResultResponse> {
  const policy = await deps.policies.get(result.policyNo);
  if (!policy) throw new AppError('NOT_FOUND', '未找到该保单，请核对保单号', { field: 'policyNo' });
  const noticeType: NoticeType = result.outcome === 'success' ? 'debit_success' : 'debit_failure';
  const key: NoticeKey = { policyNo: policy.policyNo, dueDate: result.dueDate, noticeType };
  const next = nextDueDateAfter(policy, result.dueDate);
  const now = deps.notify.now();

  const recorded = await deps.notices.getNotice(key);
  if (recorded) {
    // Applied already; its notice is in the outbox. If its next attempt is due, this repeat delivers it.
    const retry = await deps.notices.take(key, now, NOTICE_LEASE_MS);
    const delivered = retry ? await deliverLeasedNotice(deps.outbox, retry) : null;
    return {
      policyNo: policy.policyNo,
      status: policy.status,
      nextDueDate: policy.nextDueDate,
      letterId: delivered?.letterId ?? recorded.letterId,
      notice: delivered?.status ?? 'already_applied',
    };
  }

  let current = policy;
  if (result.outcome === 'success') {
    // Applied before (a crash between the policy write and the notice): the due date moved already.
    const alreadyMoved = policy.nextDueDate === next && next !== null;
    if (!alreadyMoved) {
      if (policy.nextDueDate !== result.dueDate)
        throw new AppError('CONFLICT', '扣款结果的应缴日期与保单当前应缴日期不符', {
          field: 'dueDate',
          logMessage: `policy ${policy.policyNo} due ${policy.nextDueDate}, result for ${result.dueDate}`,
        });
      current = await deps.policies.put({ ...policy, nextDueDate: next, status: 'in_force' });
    }
    // Before the notice is recorded, so a repeat after a crash here re-keys it too.
    await deps.index.refreshPolicies([current], now);
  } else if (policy.nextDueDate !== result.dueDate) {
    throw new AppError('CONFLICT', '扣款结果的应缴日期与保单当前应缴日期不符', { field: 'dueDate' });
  }

  const preference = preferenceFor(
    policy.holderId,
    policy.policyNo,
    await deps.notices.listPreferences(policy.holderId),
  );
  const respond = (notice: DebitResultResponse['notice'], letterId: string | null): DebitResultResponse => ({
    policyNo: current.policyNo,
    status: current.status,
    nextDueDate: current.nextDueDate,
    letterId,
    notice,
  });

  if (noticeType === 'debit_success' && !preference.successNotice) {
    // No message wanted: the letter still goes to 我的信函 (and the postal run if subscribed so).
    // Nothing is recorded before it, so a repeat after a failure here issues it (once: its id).
    const { letter } = await issuePremiumLetter(deps.notify, {
      key,
      policy: current,
      amountCents: result.amountCents,
      nextDueDate: next,
    });
    return respond('not_requested', letter.letterId);
  }

  const payload: NoticePayload = {
    amountCents: result.amountCents,
    nextDueDate: next,
    failureReason: result.failureReason ?? null,
    day: shanghaiClock(now).date,
  };
  if (inQuietHours(now, preference.quietHours)) {
    const deferred = await deps.notices.defer(
      key,
      policy.holderId,
      payload,
      now,
      nextSendableAt(now, preference.quietHours),
    );
    return respond(deferred ? 'deferred' : 'already_applied', null);
  }
  const claimed = await deps.notices.claim(key, policy.holderId, payload, now, NOTICE_LEASE_MS);
  if (!claimed) return respond('already_applied', null);
  const delivered = await deliverLeasedNotice(deps.outbox, claimed, { preference });
  return respond(delivered.status, delivered.letterId);
}
