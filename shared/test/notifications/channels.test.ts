import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTICE_CHANNELS } from '../../src/letters/model';
import { deliveryPlan, deliveryStatus, fallsBack, nextChannel } from '../../src/notifications/channels';
import { CHANNEL_OUTCOMES, type ChannelOutcome, type PushChannel } from '../../src/notifications/model';

/**
 * The notifier's channel choice: the preferences give the order, WeChat's "cannot reach" falls
 * back to the next channel (SMS), a provider failure ends the attempt, and at most one channel
 * ever accepts a message.
 */
const preferences = fc.array(fc.constantFrom(...NOTICE_CHANNELS), { maxLength: 5 });
const outcome = fc.constantFrom(...CHANNEL_OUTCOMES);

/** Runs the notifier's loop over a fixed outcome per channel: the channels tried, in order. */
function run(plan: PushChannel[], outcomes: Record<PushChannel, ChannelOutcome>) {
  const attempts: { channel: PushChannel; outcome: ChannelOutcome }[] = [];
  for (let channel = nextChannel(plan, attempts); channel; channel = nextChannel(plan, attempts))
    attempts.push({ channel, outcome: outcomes[channel] });
  return attempts;
}

describe('the delivery plan', () => {
  it('keeps the preferred push channels in their order, once each, and drops email', () => {
    fc.assert(
      fc.property(preferences, (preferred) => {
        const plan = deliveryPlan(preferred);
        expect(new Set(plan).size).toBe(plan.length);
        expect(plan.every((channel) => channel === 'wechat' || channel === 'sms')).toBe(true);
        const firstSeen = preferred.filter(
          (channel, index) => channel !== 'email' && preferred.indexOf(channel) === index,
        );
        expect(plan).toEqual(firstSeen);
      }),
    );
    expect(deliveryPlan(['wechat', 'sms'])).toEqual(['wechat', 'sms']);
    expect(deliveryPlan(['email', 'sms', 'wechat'])).toEqual(['sms', 'wechat']);
    expect(deliveryPlan(['email'])).toEqual([]);
  });
});

describe('the channel loop', () => {
  it('tries each planned channel at most once, in order, and stops at the first that accepts or fails', () => {
    fc.assert(
      fc.property(preferences, outcome, outcome, (preferred, wechat, sms) => {
        const plan = deliveryPlan(preferred);
        const attempts = run(plan, { wechat, sms });
        expect(attempts.map((a) => a.channel)).toEqual(plan.slice(0, attempts.length));
        // Everything before the last attempt fell back; nothing follows an accepted or failed send.
        for (const attempt of attempts.slice(0, -1)) expect(fallsBack(attempt.outcome)).toBe(true);
        const last = attempts.at(-1);
        if (last && !fallsBack(last.outcome)) expect(nextChannel(plan, attempts)).toBeNull();
        // At most one channel accepts a message.
        expect(attempts.filter((a) => a.outcome === 'sent').length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('sends SMS only when WeChat came first and could not reach the customer', () => {
    fc.assert(
      fc.property(outcome, outcome, (wechat, sms) => {
        const attempts = run(['wechat', 'sms'], { wechat, sms });
        const smsTried = attempts.some((a) => a.channel === 'sms');
        expect(smsTried).toBe(['no_openid', 'no_consent', 'refused', 'no_phone'].includes(wechat));
      }),
    );
    expect(run(['wechat', 'sms'], { wechat: 'no_openid', sms: 'sent' })).toEqual([
      { channel: 'wechat', outcome: 'no_openid' },
      { channel: 'sms', outcome: 'sent' },
    ]);
    expect(run(['wechat', 'sms'], { wechat: 'failed', sms: 'sent' })).toEqual([
      { channel: 'wechat', outcome: 'failed' },
    ]);
  });

  it('says sent exactly when a channel accepted, failed when the last send failed, else in-app only', () => {
    fc.assert(
      fc.property(preferences, outcome, outcome, (preferred, wechat, sms) => {
        const attempts = run(deliveryPlan(preferred), { wechat, sms });
        const status = deliveryStatus(attempts);
        expect(status === 'sent').toBe(attempts.some((a) => a.outcome === 'sent'));
        if (status !== 'sent') {
          const last = attempts.at(-1)?.outcome;
          expect(status).toBe(last === 'failed' ? 'failed' : last === 'unknown' ? 'unknown' : 'in_app');
        }
      }),
    );
    expect(deliveryStatus([])).toBe('in_app');
  });
});
