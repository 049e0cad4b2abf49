import { DISPUTES_SALE_LABEL } from '@zhixiang/shared/callback/schemas';
import type { CallbackBookingRecord } from '@zhixiang/shared/ports/callback-bookings';
import type { VoiceItemRecord } from '@zhixiang/shared/ports/voice';
import { redactText } from '@zhixiang/shared/privacy/mask';
import { tagVoice, type VoiceThemeDictionary, voiceWeekOf } from '@zhixiang/shared/voice/themes';
import { voiceItemId } from '../../voice/use-cases/voice-access';

/**
 * A problem case's voice item (客户之声): the customer's objection as the callback recorded it,
 * redacted of ID and phone numbers, on the journey 新单回访 at the policy's branch, one per case (its
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
  const sourceKey = `callback-problem:${booking.policyNo}:${outcome.recordedAt}`;
  const words = redactText(outcome.note ?? '');
  const text = outcome.disputesSale ? `${words}（${DISPUTES_SALE_LABEL}）` : words;
  const at = new Date(outcome.recordedAt).toISOString();
  return {
    itemId: voiceItemId(sourceKey),
    sourceKey,
    source: 'callback_problem',
    text,
    customerId: booking.customerId,
    hideName: false,
    branchPath: booking.branchPath,
    ...tagVoice(deps.voiceThemes, text, 'callback'),
    week: voiceWeekOf(outcome.recordedAt),
    at,
    complaintId: null,
    reportedToPath: booking.branchPath,
    escalations: [],
    version: 1,
  };
}
