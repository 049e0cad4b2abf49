import { DISPUTES_SALE_LABEL } from '@zhixiang/shared/callback/schemas';
import type { CallbackBookingRecord } from '@zhixiang/shared/ports/callback-bookings';
import type { VoiceItemRecord } from '@zhixiang/shared/ports/voice';
import type { VoiceThemeDictionary } from '@zhixiang/shared/voice/themes';
import { newVoiceItem } from '../../voice/use-cases/voice-access';

/**
 * A problem case's voice item (客户之声): the customer's objection as the callback recorded it,
 * redacted of personal numbers and e-mails (`newVoiceItem`), on the journey 新单回访 at the policy's branch, one per case (its
 * source key is the policy and the instant the outcome was recorded). The outcome's own transaction
 * puts it with its announcement entry, so the voice projection pushes it to the listening
 * executives once. Null for any other outcome.
 */
export function callbackProblemVoice(
  deps: { voiceThemes: VoiceThemeDictionary },
  booking: CallbackBookingRecord,
): VoiceItemRecord | null {
  const outcome = booking.outcome;
  if (booking.status !== 'problem' || !outcome) return null;
  const words = outcome.note ?? '';
  return newVoiceItem(deps.voiceThemes, {
    sourceKey: `callback-problem:${booking.policyNo}:${outcome.recordedAt}`,
    source: 'callback_problem',
    words: outcome.disputesSale ? `${words}（${DISPUTES_SALE_LABEL}）` : words,
    journey: 'callback',
    customerId: booking.customerId,
    branchPath: booking.branchPath,
    at: new Date(outcome.recordedAt).toISOString(),
    complaintId: null,
  });
}
