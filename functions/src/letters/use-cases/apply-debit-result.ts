import { AppError } from '@zhixiang/shared/errors';
import { addMonths } from '@zhixiang/shared/format/dates';
import {
  inQuietHours,
  type NoticeType,
  nextSendableAt,
  shanghaiClock,
} from '@zhixiang/shared/notices/due-notices';
import { preferenceFor } from '@zhixiang/shared/notices/preferences';
import type { DebitResultRequest } from '@zhixiang/shared/notices/schemas';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import { MONTHS_PER_PREMIUM_PERIOD } from '@zhixiang/shared/policy/premiums';
import type { NoticeKey, NoticeStore } from '@zhixiang/shared/ports/notices';
import type { PolicyRepository } from '@zhixiang/shared/ports/repositories';
import { issuePremiumLetter, type NotifyPremiumDeps, notifyPremium } from './notify-premium';

export interface ApplyDebitResultDeps {
  policies: Pick<PolicyRepository, 'get' | 'put'>;
  notices: Pick<NoticeStore, 'claim' | 'getNotice' | 'listPreferences'>;
  notify: NotifyPremiumDeps;
}

export interface DebitResultResponse {
  policyNo: string;
  status: string;
  nextDueDate: string | null;
  letterId: string | null;
  notice: 'sent' | 'failed' | 'unreachable' | 'deferred' | 'not_requested' | 'already_applied';
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
 * sends the failure notice with how to pay. Each (policy, due date, result type) is applied and
 * notified once: a repeated result answers `already_applied`. Inside the customer's quiet hours the
 * message waits for the next hourly run after they end (the letter is issued at once).
 */
export async function applyDebitResult(
  deps: ApplyDebitResultDeps,
  result: DebitResultRequest,
): Promise<DebitResultResponse> {
  const policy = await deps.policies.get(result.policyNo);
  if (!policy) throw new AppError('NOT_FOUND', '未找到该保单，请核对保单号', { field: 'policyNo' });
  const noticeType: NoticeType = result.outcome === 'success' ? 'debit_success' : 'debit_failure';
  const key: NoticeKey = { policyNo: policy.policyNo, dueDate: result.dueDate, noticeType };
  const next = nextDueDateAfter(policy, result.dueDate);
  const now = deps.notify.now();

  const recorded = await deps.notices.getNotice(key);
  if (recorded) {
    return {
      policyNo: policy.policyNo,
      status: policy.status,
      nextDueDate: policy.nextDueDate,
      letterId: recorded.letterId,
      notice: 'already_applied',
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
    const { letter } = await issuePremiumLetter(deps.notify, {
      key,
      policy: current,
      amountCents: result.amountCents,
      nextDueDate: next,
    });
    return respond('not_requested', letter.letterId);
  }

  const day = shanghaiClock(now).date;
  if (inQuietHours(now, preference.quietHours)) {
    const claimed = await deps.notices.claim(key, policy.holderId, now, {
      until: nextSendableAt(now, preference.quietHours),
      amountCents: result.amountCents,
      nextDueDate: next,
      failureReason: result.failureReason ?? null,
      day,
    });
    return respond(claimed ? 'deferred' : 'already_applied', null);
  }
  if (!(await deps.notices.claim(key, policy.holderId, now))) return respond('already_applied', null);
  const outcome = await notifyPremium(deps.notify, {
    key,
    policy: current,
    amountCents: result.amountCents,
    preference,
    day,
    nextDueDate: next,
    ...(result.failureReason ? { failureReason: result.failureReason } : {}),
  });
  return respond(outcome.status, outcome.letterId);
}
