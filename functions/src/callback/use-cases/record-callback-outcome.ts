import type { Logger } from '@aws-lambda-powertools/logger';
import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { CallbackBooking, RecordCallbackOutcomeRequest } from '@zhixiang/shared/callback/schemas';
import { toCallbackBooking } from '@zhixiang/shared/callback/view';
import { AppError } from '@zhixiang/shared/errors';
import type { CallbackBookingRecord } from '@zhixiang/shared/ports/callback-bookings';
import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';
import type { VoiceThemeDictionary } from '@zhixiang/shared/voice/themes';
import { type CallbackDeps, loadCallbackPolicy } from './callback-policy';
import { callbackProblemVoice } from './callback-problem-voice';

export interface RecordCallbackOutcomeDeps extends CallbackDeps {
  sms: SmsSender;
  logger: Pick<Logger, 'warn'>;
  /** A problem case joins the customer-voice stream, tagged by its dictionary. */
  voiceThemes: VoiceThemeDictionary;
}

/**
 * Staff: the call's outcome. Completed keeps the seven confirmed points; unreachable frees the
 * policy to book again and tells the customer by SMS until when they can pick a new time (or
 * answer online); a problem case (问题件) stays with the policy's branch, whose staff see it in
 * their day view, and joins the customer-voice stream (客户之声) in the same transaction; one where
 * the customer disputes the sale also writes the dispute's outbox entry, from which the complaints
 * context opens a complaint (销售误导) once.
 */
export async function recordCallbackOutcome(
  deps: RecordCallbackOutcomeDeps,
  claims: AccessClaims,
  policyNo: string,
  request: RecordCallbackOutcomeRequest,
): Promise<CallbackBooking> {
  const repo = deps.repositories.callbackBookings;
  const current = await repo.getBooking(policyNo);
  const visible =
    current && (claims.role === 'admin' || isInBranchSubtree(current.branchPath, claims.branchPath ?? ''));
  if (!current || !visible) throw new AppError('NOT_FOUND', '未找到该回访预约');
  if (current.status !== 'booked') throw new AppError('CONFLICT', '该回访已记录结果');
  const outcome = {
    points: request.points ?? null,
    note: request.note?.trim() || null,
    ...(request.outcome === 'problem' && request.disputesSale ? { disputesSale: true } : {}),
    recordedBy: claims.sub,
    recordedAt: deps.now(),
  };
  const voiceItem = callbackProblemVoice(deps, { ...current, status: request.outcome, outcome });
  const recorded = await repo.recordOutcome(current, request.outcome, outcome, { voiceItem });
  if (recorded.status === 'unreachable') await offerNewTime(deps, claims, recorded);
  return toCallbackBooking(recorded);
}

/** A failed message is logged, not fatal: the outcome is recorded and the booking page offers slots. */
async function offerNewTime(
  deps: RecordCallbackOutcomeDeps,
  claims: AccessClaims,
  booking: CallbackBookingRecord,
) {
  try {
    const [target, customer] = await Promise.all([
      loadCallbackPolicy(deps, claims, booking.policyNo, { requireAwaiting: false }),
      deps.repositories.customers.get(booking.customerId),
    ]);
    if (!customer) throw new Error('customer missing');
    if (target.deadlineAt <= deps.now()) return;
    const end = target.coolingOffEndDate;
    await deps.sms.send({
      to: customer.phone,
      template: 'callback_unreachable',
      code: `${Number(end.slice(5, 7))}月${Number(end.slice(8, 10))}日`,
    });
  } catch (error) {
    deps.logger.warn('missed-callback message not sent', { policyNo: booking.policyNo, error });
  }
}
