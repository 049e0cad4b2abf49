import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEBIT_IN_PROGRESS_MESSAGE,
  decideRepaymentChannel,
  ORDER_OPEN_MESSAGE,
  type RepaymentChannelEvent,
  type RepaymentChannelState,
} from '../../src/payments/repayment-debit';

const START: RepaymentChannelState = { paid: null, openOrder: null, debiting: null };
const REFS = ['RP1', 'RP2', 'RD1', 'RD2'];

const event = (): fc.Arbitrary<RepaymentChannelEvent> =>
  fc.record({
    kind: fc.constantFrom(
      'open_order',
      'order_closed',
      'order_paid',
      'request_debit',
      'debit_succeeded',
      'debit_failed',
    ),
    reference: fc.constantFrom(...REFS),
  }) as fc.Arbitrary<RepaymentChannelEvent>;

/** The state after every event in turn, and the effects (paid moves) it wrote. */
function run(events: RepaymentChannelEvent[]) {
  let state = START;
  const effects: RepaymentChannelState['paid'][] = [];
  for (const e of events) {
    const decision = decideRepaymentChannel(state, e);
    if (decision.kind !== 'move') continue;
    if (!state.paid && decision.to.paid) effects.push(decision.to.paid);
    state = decision.to;
  }
  return { state, effects };
}

describe('the repayment channel state machine', () => {
  it('pays by debit: requested, then succeeded', () => {
    const { state } = run([
      { kind: 'request_debit', reference: 'RD1' },
      { kind: 'debit_succeeded', reference: 'RD1' },
    ]);
    expect(state.paid).toEqual({ channel: 'debit', reference: 'RD1' });
  });

  it('switches to WeChat Pay after a debit failed', () => {
    const { state } = run([
      { kind: 'request_debit', reference: 'RD1' },
      { kind: 'debit_failed', reference: 'RD1' },
      { kind: 'open_order', reference: 'RP1' },
      { kind: 'order_paid', reference: 'RP1' },
    ]);
    expect(state.paid).toEqual({ channel: 'wechat_pay', reference: 'RP1' });
  });

  it('makes no WeChat Pay order while a debit is in progress, and no debit while an order is open', () => {
    const debiting = { ...START, debiting: 'RD1' };
    expect(decideRepaymentChannel(debiting, { kind: 'open_order', reference: 'RP1' })).toEqual({
      kind: 'refuse',
      message: DEBIT_IN_PROGRESS_MESSAGE,
    });
    const ordering = { ...START, openOrder: 'RP1' };
    expect(decideRepaymentChannel(ordering, { kind: 'request_debit', reference: 'RD1' })).toEqual({
      kind: 'refuse',
      message: ORDER_OPEN_MESSAGE,
    });
  });

  it('takes a repeated result once, and a late failure after success changes nothing', () => {
    const paid = run([
      { kind: 'request_debit', reference: 'RD1' },
      { kind: 'debit_succeeded', reference: 'RD1' },
    ]).state;
    expect(decideRepaymentChannel(paid, { kind: 'debit_succeeded', reference: 'RD1' })).toEqual({
      kind: 'already',
    });
    expect(decideRepaymentChannel(paid, { kind: 'debit_failed', reference: 'RD1' })).toEqual({
      kind: 'already',
    });
  });

  it('property: a repayment is paid by exactly one channel, once, whatever the events', () => {
    fc.assert(
      fc.property(fc.array(event(), { maxLength: 30 }), (events) => {
        const { state, effects } = run(events);
        expect(effects.length).toBeLessThanOrEqual(1);
        if (state.paid) {
          expect(effects).toEqual([state.paid]);
          expect(state.openOrder).toBeNull();
          expect(state.debiting).toBeNull();
        }
        // Never an open order and a debit in progress side by side.
        expect(state.openOrder !== null && state.debiting !== null).toBe(false);
      }),
    );
  });

  it('property: paid is final — no later event moves it', () => {
    fc.assert(
      fc.property(fc.array(event(), { maxLength: 30 }), fc.array(event(), { maxLength: 10 }), (a, b) => {
        const first = run(a).state;
        if (!first.paid) return;
        let state = first;
        for (const e of b) {
          const decision = decideRepaymentChannel(state, e);
          if (decision.kind === 'move') state = decision.to;
        }
        expect(state.paid).toEqual(first.paid);
      }),
    );
  });

  it('property: applying an event twice is applying it once', () => {
    fc.assert(
      fc.property(fc.array(event(), { maxLength: 20 }), event(), (events, e) => {
        const { state } = run(events);
        const once = decideRepaymentChannel(state, e);
        if (once.kind !== 'move') return;
        const twice = decideRepaymentChannel(once.to, e);
        expect(twice.kind === 'move' ? twice.to : once.to).toEqual(once.to);
      }),
    );
  });
});
