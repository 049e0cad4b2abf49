import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  CALLBACK_POINT_LABELS,
  CALLBACK_POINTS,
  type CallbackBooking,
  ONLINE_SLOT_ID,
  onlineCallbackPurpose,
  type SubmitOnlineCallbackRequest,
} from '@zhixiang/shared/callback/schemas';
import { toCallbackBooking } from '@zhixiang/shared/callback/view';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { CallbackBookingRecord } from '@zhixiang/shared/ports/callback-bookings';
import { consumeOneTimeCode } from '../../auth/use-cases/identity-binding';
import { ONLINE_RECORDER_PREFIX } from './callback-follow-ups';
import { callbackDeps, loadCallbackPolicy } from './callback-policy';
import { callbackProblemVoice } from './callback-problem-voice';
import type { OnlineCallbackDeps } from './deps';
import { ALREADY_DONE_MESSAGE, onlineCallbackSubject } from './send-online-callback-code';

/**
 * The online self-callback (自助回访): after the SMS code or a face verification, the holder's seven answers become the
 * policy's callback record — all "yes" completes it, any "no" makes it a problem case (问题件)
 * for the policy's branch, in the customer-voice stream (客户之声) too. An open booking is released, its seat freed.
 */
export async function submitOnlineCallback(
  container: OnlineCallbackDeps,
  claims: AccessClaims,
  policyNo: string,
  request: SubmitOnlineCallbackRequest,
): Promise<CallbackBooking> {
  const deps = callbackDeps(container);
  const target = await loadCallbackPolicy(deps, claims, policyNo);
  if (claims.customerId !== target.policy.holderId) {
    throw new AppError('FORBIDDEN', '自助回访须由投保人本人完成');
  }
  const repo = container.repositories.callbackBookings;
  const current = await repo.getBooking(policyNo);
  if (current?.status === 'completed' || current?.status === 'problem') {
    throw new AppError('CONFLICT', ALREADY_DONE_MESSAGE);
  }

  const now = container.now();
  const verifiedBy = request.code
    ? await checkSmsCode(container, claims, policyNo, request.code)
    : await checkIdentityProof(container, target.policy.holderId, policyNo);

  const answers = Object.fromEntries(CALLBACK_POINTS.map((p) => [p, request.answers[p] === true]));
  const denied = CALLBACK_POINTS.filter((p) => !answers[p]);
  const time = new Date(now + 8 * 3_600_000).toISOString().slice(11, 16);
  const result: CallbackBookingRecord = {
    policyNo,
    slotId: ONLINE_SLOT_ID,
    date: todayInShanghai(new Date(now)),
    start: time,
    status: denied.length === 0 ? 'completed' : 'problem',
    customerId: target.policy.holderId,
    branchPath: target.policy.branchPath,
    rescheduleCount: current?.rescheduleCount ?? 0,
    reminderDueAt: now,
    reminderSentAt: now,
    outcome: {
      points: answers,
      note:
        denied.length === 0
          ? null
          : `自助回访中否认：${denied.map((p) => CALLBACK_POINT_LABELS[p]).join('；')}`,
      recordedBy: `${ONLINE_RECORDER_PREFIX}${verifiedBy}:${claims.sub}`,
      recordedAt: now,
    },
    version: current?.version ?? 0,
    updatedAt: now,
  };
  const recorded = await repo.recordOnline(current, result, {
    voiceItem: callbackProblemVoice(container, result),
  });
  return toCallbackBooking(recorded);
}

/** The SMS code path: the code sent to the phone on record, used once. Returns how identity was proved. */
async function checkSmsCode(
  container: OnlineCallbackDeps,
  claims: AccessClaims,
  policyNo: string,
  code: string,
): Promise<string> {
  await consumeOneTimeCode(container, onlineCallbackSubject(policyNo, claims.sub), code, 'code');
  return 'sms';
}

/** Without a code: the holder's identity verification for this callback, within its 10 minutes. */
async function checkIdentityProof(
  container: OnlineCallbackDeps,
  holderId: string,
  policyNo: string,
): Promise<string> {
  const proof = await container.identityProofs.requireVerified({
    customerId: holderId,
    purpose: onlineCallbackPurpose(policyNo),
    now: container.now(),
  });
  return `${proof.method}#${proof.verificationId}`;
}
