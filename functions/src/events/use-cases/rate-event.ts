import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { ratingMeasurement } from '@zhixiang/shared/events/measurement';
import type { EventRatingSettings } from '@zhixiang/shared/events/rules';
import type { RateEventRequest, RegistrationView } from '@zhixiang/shared/events/schemas';
import { toRegistrationView } from '@zhixiang/shared/events/view';
import { formatShanghaiMonthDayTimeCn } from '@zhixiang/shared/format/dates';
import type { EventRecord, RegistrationRecord } from '@zhixiang/shared/ports/events';
import type { VoiceItemRecord } from '@zhixiang/shared/ports/voice';
import { redactPersonalText } from '@zhixiang/shared/privacy/mask';
import { ratingJoinsVoice, ratingVoiceWords } from '@zhixiang/shared/ratings/rules';
import { tagVoice, type VoiceThemeDictionary, voiceWeekOf } from '@zhixiang/shared/voice/themes';
import { voiceItemId } from '../../voice/use-cases/voice-access';
import { type EventDeps, ownRegistration } from './event-access';

export const RATE_NOT_ATTENDED = '签到参加活动后才能评价';
export const RATE_NOT_ENDED = '活动场次结束后才能评价';
export const RATE_ONCE = '您已评价过本次活动';

/**
 * The one-tap rating after the event: an attendee (checked in) of a session that has ended rates it
 * once, 1–5 and a few optional words. A low rating (at most `lowRatingMax` stars, config/events.json)
 * or one with words joins the customer-voice stream (客户之声) — the rule of every journey rating,
 * `shared/src/ratings/rules.ts` — in the rating's own transaction: the
 * item is tagged by the voice dictionary (journey 客户服务), at the registrant's branch (the
 * organiser's for someone without one), redacted of ID and phone numbers like every voice item, and
 * names the event and the session. Its announcement entry, written with it, has the voice
 * projection push it to the executives listening to that branch or a level above, once.
 */
export async function rateEvent(
  deps: EventDeps & { voiceThemes: VoiceThemeDictionary; eventSettings: EventRatingSettings },
  claims: AccessClaims,
  eventId: string,
  request: RateEventRequest,
): Promise<RegistrationView> {
  const { event, registration } = await ownRegistration(deps, claims, eventId);
  if (registration.rating) throw new AppError('CONFLICT', RATE_ONCE);
  if (registration.status !== 'checked_in') throw new AppError('CONFLICT', RATE_NOT_ATTENDED);
  const session = event.sessions.find((s) => s.sessionId === registration.sessionId);
  const nowMs = deps.now();
  if (!session || Date.parse(session.endsAt) > nowMs) throw new AppError('CONFLICT', RATE_NOT_ENDED);
  const at = new Date(nowMs).toISOString();
  const rating = { score: request.score, comment: request.comment ? request.comment : null, at };
  const voiceItem = ratingJoinsVoice(rating, deps.eventSettings.lowRatingMax)
    ? ratingVoice(deps, event, registration, rating)
    : null;
  const measured = ratingMeasurement(registration, event.organiserBranchPath, rating.score, nowMs);
  if (!(await deps.repositories.events.rate(eventId, registration.personKey, rating, voiceItem, measured)))
    throw new AppError('CONFLICT', RATE_ONCE);
  return toRegistrationView(event, { ...registration, rating }, null, nowMs);
}

function ratingVoice(
  deps: Pick<EventDeps, 'now'> & { voiceThemes: VoiceThemeDictionary },
  event: EventRecord,
  registration: RegistrationRecord,
  rating: { score: number; comment: string | null; at: string },
): VoiceItemRecord {
  const sourceKey = `event-rating:${event.eventId}:${registration.personKey}`;
  const words = redactPersonalText(
    ratingVoiceWords(`俱乐部活动「${event.title}」`, rating.score, rating.comment),
  );
  const branchPath = registration.branchPath ?? event.organiserBranchPath;
  return {
    itemId: voiceItemId(sourceKey),
    sourceKey,
    source: 'event_rating',
    text: `${words}（${sessionName(event, registration.sessionId)}）`,
    customerId: registration.customerId,
    hideName: false,
    branchPath,
    // Tagged by the rating's words: the session's venue and time are no theme.
    ...tagVoice(deps.voiceThemes, words, 'service'),
    week: voiceWeekOf(Date.parse(rating.at)),
    at: rating.at,
    complaintId: null,
    reportedToPath: branchPath,
    escalations: [],
    version: 1,
  };
}

/** The session in Chinese: 「场次：12月7日 10:00 张江营销服务部」. */
function sessionName(event: EventRecord, sessionId: string): string {
  const session = event.sessions.find((s) => s.sessionId === sessionId);
  if (!session) return `场次：${sessionId}`;
  const venue = event.venues.find((v) => v.venueId === session.venueId)?.name;
  return `场次：${formatShanghaiMonthDayTimeCn(session.startsAt)}${venue ? ` ${venue}` : ''}`;
}
