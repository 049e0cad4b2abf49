import { canViewPolicy } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { callCentreSettings } from '@zhixiang/shared/callback/call-centre-settings';
import {
  callbackDeadlineAt,
  isInWindow,
  MAX_RESCHEDULES,
  parseSlotId,
  type SlotTime,
} from '@zhixiang/shared/callback/window';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import { coolingOffEndDate, isInCoolingOff } from '@zhixiang/shared/policy/view';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import { POLICY_NOT_FOUND_MESSAGE } from '../../policies/use-cases/get-policy';
import { type PolicyReadRepositories, PolicyViewLoader } from '../../policies/use-cases/policy-view-loader';

export const NOT_AWAITING_MESSAGE = '该保单当前无需预约回访（仅犹豫期内的新单可预约）';

export interface CallbackDeps {
  repositories: PolicyReadRepositories & { callbackBookings: CallbackBookingRepository };
  now: () => number;
  /** Minutes between now and the first slot offered (the call centre plans ahead). */
  minNoticeMinutes: number;
}

/** What the callback use cases need from the composition root. */
export function callbackDeps(container: {
  repositories: CallbackDeps['repositories'];
  now: () => number;
}): CallbackDeps {
  return {
    repositories: container.repositories,
    now: container.now,
    minNoticeMinutes: callCentreSettings.minNoticeMinutes,
  };
}

export const NO_ACTIVE_BOOKING_MESSAGE = '未找到有效的回访预约';
export const RESCHEDULE_LIMIT_MESSAGE = `改约次数已达上限（${MAX_RESCHEDULES} 次），请按现有预约接听，或使用在线自助回访`;
export const OUTSIDE_WINDOW_MESSAGE = '该时段不在可预约范围内（须提前预约，且在犹豫期结束前）';

/** The slot a customer picked, if the window rules allow it (capacity is the transaction's job). */
export function slotInWindow(
  target: CallbackPolicy,
  slotId: string,
  deps: CallbackDeps,
): SlotTime & { slotId: string } {
  const slot = parseSlotId(slotId);
  const window = { now: deps.now(), deadlineAt: target.deadlineAt, minNoticeMinutes: deps.minNoticeMinutes };
  if (!slot || !isInWindow(slot, window))
    throw new AppError('CONFLICT', OUTSIDE_WINDOW_MESSAGE, { field: 'slotId' });
  return { ...slot, slotId };
}

export interface CallbackPolicy {
  policy: PolicyRecord;
  coolingOffEndDate: string;
  deadlineAt: number;
  today: string;
}

/**
 * The policy a customer (or their agent) books a callback for. Not visible answers exactly like
 * get-policy's 404; a visible policy outside its cooling-off period has no callback to book.
 */
export async function loadCallbackPolicy(
  deps: CallbackDeps,
  claims: AccessClaims,
  policyNo: string,
  options: { requireAwaiting: boolean } = { requireAwaiting: true },
): Promise<CallbackPolicy> {
  const notFound = () =>
    new AppError('NOT_FOUND', POLICY_NOT_FOUND_MESSAGE, {
      logMessage: `policy ${policyNo} not found or not visible to ${claims.sub}`,
    });
  const policy = await deps.repositories.policies.get(policyNo);
  if (!policy) throw notFound();
  // A customer's access is decided by the policy's own holder and insured; only agents and staff
  // need the parties' records, so a customer's booking skips that read.
  const [parties, product] = await Promise.all([
    claims.role === 'customer' ? [] : new PolicyViewLoader(deps.repositories).parties(policy),
    deps.repositories.products.getCached(policy.productCode),
  ]);
  if (!canViewPolicy(claims, policy, parties)) throw notFound();
  if (!product)
    throw new AppError('INTERNAL', undefined, { logMessage: `product ${policy.productCode} missing` });
  const today = todayInShanghai(new Date(deps.now()));
  if (options.requireAwaiting && !isInCoolingOff(policy, product.coolingOffDays, today))
    throw new AppError('CONFLICT', NOT_AWAITING_MESSAGE);
  const endDate = coolingOffEndDate(policy.receiptDate, product.coolingOffDays);
  return { policy, coolingOffEndDate: endDate, deadlineAt: callbackDeadlineAt(endDate), today };
}
