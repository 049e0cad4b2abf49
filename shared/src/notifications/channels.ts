import type { NoticeChannel } from '../letters/model';
import type { ChannelAttempt, ChannelOutcome, MessageStatus, PushChannel } from './model';

/**
 * The notifier's channel choice, pure. The customer's channel preferences (their notice
 * preference for the policy, else for all policies, else the default: WeChat subscribe message
 * first, SMS as the fallback) give the order; only WeChat and SMS can push (email has no provider
 * yet and is skipped). A customer whose preferences name no push channel finds the message in
 * the message centre only.
 */
export function deliveryPlan(preferred: readonly NoticeChannel[]): PushChannel[] {
  const plan: PushChannel[] = [];
  for (const channel of preferred)
    if ((channel === 'wechat' || channel === 'sms') && !plan.includes(channel)) plan.push(channel);
  return plan;
}

/**
 * Outcomes after which the next channel is tried: the channel cannot reach this customer now (no
 * openid, no subscribe consent, refused by WeChat, no mobile number). A provider failure (after
 * its retries) or an unknown outcome ends the attempt: the outbox retries it later, and never
 * falls back to SMS for a message WeChat may still deliver.
 */
export function fallsBack(outcome: ChannelOutcome): boolean {
  return outcome !== 'sent' && outcome !== 'failed' && outcome !== 'unknown';
}

/** The next channel to try after `attempts` (of this delivery), or null when the delivery is over. */
export function nextChannel(
  plan: readonly PushChannel[],
  attempts: readonly Pick<ChannelAttempt, 'channel' | 'outcome'>[],
): PushChannel | null {
  const last = attempts.at(-1);
  if (last && !fallsBack(last.outcome)) return null;
  return plan.find((channel) => !attempts.some((attempt) => attempt.channel === channel)) ?? null;
}

/** The message's status once its delivery is over. */
export function deliveryStatus(
  attempts: readonly Pick<ChannelAttempt, 'outcome'>[],
): Exclude<MessageStatus, 'sending'> {
  if (attempts.some((attempt) => attempt.outcome === 'sent')) return 'sent';
  const last = attempts.at(-1)?.outcome;
  if (last === 'failed') return 'failed';
  if (last === 'unknown') return 'unknown';
  return 'in_app';
}
