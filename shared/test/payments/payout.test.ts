import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decidePayout,
  PAYOUT_ALREADY_PAID_MESSAGE,
  PAYOUT_AMOUNT_MISMATCH_MESSAGE,
  PAYOUT_OUTCOMES,
  type PayoutEvent,
  type PayoutInstructionStatus,
} from '../../src/payments/payout';

const AMOUNT = 1_000_000;

const event = (): fc.Arbitrary<PayoutEvent> =>
  fc.oneof(
    fc.constant<PayoutEvent>({ kind: 'reissue' }),
    fc.record({
      kind: fc.constant('result' as const),
      outcome: fc.constantFrom(...PAYOUT_OUTCOMES),
      // Mostly the instruction's amount, sometimes another (a mistaken or forged result).
      amountCents: fc.oneof(fc.constant(AMOUNT), fc.integer({ min: 1, max: 10_000_000 })),
    }),
  );

/** The instruction after every event in turn, with how many times a result moved it. */
function run(events: PayoutEvent[]) {
  let status: PayoutInstructionStatus = 'pending';
  const moves: PayoutInstructionStatus[] = [];
  for (const e of events) {
    const decision = decidePayout({ status, amountCents: AMOUNT }, e);
    if (decision.kind === 'move') {
      moves.push(decision.to);
      status = decision.to;
    }
  }
  return { status, moves };
}

describe('the payout state machine', () => {
  it('moves pending to paid, or to failed on a failure or a bank return', () => {
    const pending = { status: 'pending' as const, amountCents: AMOUNT };
    expect(decidePayout(pending, { kind: 'result', outcome: 'paid', amountCents: AMOUNT })).toEqual({
      kind: 'move',
      to: 'paid',
    });
    expect(decidePayout(pending, { kind: 'result', outcome: 'failed', amountCents: AMOUNT })).toEqual({
      kind: 'move',
      to: 'failed',
    });
    expect(decidePayout(pending, { kind: 'result', outcome: 'returned', amountCents: AMOUNT })).toEqual({
      kind: 'move',
      to: 'failed',
    });
    expect(decidePayout(pending, { kind: 'reissue' })).toMatchObject({ kind: 'refuse', code: 'CONFLICT' });
  });

  it('refuses a result of another amount whatever the state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PayoutInstructionStatus>('pending', 'paid', 'failed', 'superseded'),
        fc.constantFrom(...PAYOUT_OUTCOMES),
        fc.integer({ min: 1, max: 10_000_000 }).filter((n) => n !== AMOUNT),
        (status, outcome, amountCents) => {
          expect(
            decidePayout({ status, amountCents: AMOUNT }, { kind: 'result', outcome, amountCents }),
          ).toEqual({
            kind: 'refuse',
            code: 'VALIDATION_FAILED',
            message: PAYOUT_AMOUNT_MISMATCH_MESSAGE,
          });
        },
      ),
    );
  });

  it('lets results move an instruction once, or twice when the bank returns a paid transfer', () => {
    fc.assert(
      fc.property(fc.array(event(), { maxLength: 12 }), (events) => {
        const { moves } = run(events);
        const resultMoves = moves.filter((to) => to === 'paid' || to === 'failed');
        expect(resultMoves.length).toBeLessThanOrEqual(2);
        if (resultMoves.length === 2) expect(resultMoves).toEqual(['paid', 'failed']);
      }),
    );
  });

  it('moves a paid instruction only on a bank return, to failed', () => {
    fc.assert(
      fc.property(event(), (e) => {
        const decision = decidePayout({ status: 'paid', amountCents: AMOUNT }, e);
        const returned = e.kind === 'result' && e.outcome === 'returned' && e.amountCents === AMOUNT;
        if (returned) expect(decision).toEqual({ kind: 'move', to: 'failed' });
        else expect(decision.kind).not.toBe('move');
      }),
    );
    expect(
      decidePayout(
        { status: 'paid', amountCents: AMOUNT },
        { kind: 'result', outcome: 'failed', amountCents: AMOUNT },
      ),
    ).toEqual({ kind: 'refuse', code: 'CONFLICT', message: PAYOUT_ALREADY_PAID_MESSAGE });
  });

  it('keeps superseded final', () => {
    fc.assert(
      fc.property(event(), (e) => {
        expect(decidePayout({ status: 'superseded', amountCents: AMOUNT }, e).kind).not.toBe('move');
      }),
    );
  });

  it('treats a repeated result as applied once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAYOUT_OUTCOMES), (outcome) => {
        const e: PayoutEvent = { kind: 'result', outcome, amountCents: AMOUNT };
        expect(run([e]).status).toBe(run([e, e, e]).status);
        expect(run([e, e, e]).moves).toHaveLength(1);
      }),
    );
  });

  it('reaches paid only through a paid result of the exact amount', () => {
    fc.assert(
      fc.property(fc.array(event(), { maxLength: 12 }), (events) => {
        if (run(events).status !== 'paid') return;
        expect(
          events.some((e) => e.kind === 'result' && e.outcome === 'paid' && e.amountCents === AMOUNT),
        ).toBe(true);
      }),
    );
  });

  it('reissues only a failed instruction', () => {
    expect(decidePayout({ status: 'failed', amountCents: AMOUNT }, { kind: 'reissue' })).toEqual({
      kind: 'move',
      to: 'superseded',
    });
    for (const status of ['pending', 'paid', 'superseded'] as const)
      expect(decidePayout({ status, amountCents: AMOUNT }, { kind: 'reissue' }).kind).toBe('refuse');
  });
});
