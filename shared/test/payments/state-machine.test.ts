import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPaymentDecision,
  decidePayment,
  PAYMENT_STATUSES,
  type PaymentOrderState,
  type PaymentReport,
} from '../../src/payments/state-machine';
import { TRADE_STATES } from '../../src/ports/wechat-pay';

const AMOUNT = 500_000;
const order: PaymentOrderState = { status: 'pending', amountCents: AMOUNT, transactionId: null };

const report = (): fc.Arbitrary<PaymentReport> =>
  fc.oneof(
    fc.constant<PaymentReport>({ kind: 'expired' }),
    fc.record({
      kind: fc.constant('transaction' as const),
      tradeState: fc.constantFrom(...TRADE_STATES),
      // Mostly the order's amount, sometimes another (a forged or mistaken report).
      amountCents: fc.oneof(fc.constant(AMOUNT), fc.integer({ min: 1, max: 10_000_000 })),
      transactionId: fc.oneof(fc.constant('4200A'), fc.constant('4200B'), fc.constant(null)),
    }),
  );

/** The order after every report in turn, as the use cases write it. */
function run(reports: PaymentReport[]): PaymentOrderState {
  return reports.reduce(
    (state, r) =>
      applyPaymentDecision(state, decidePayment(state, r), r.kind === 'transaction' ? r.transactionId : null),
    order,
  );
}

describe('the payment state machine', () => {
  it('pays only on SUCCESS for exactly the order amount with a transaction id', () => {
    expect(
      decidePayment(order, {
        kind: 'transaction',
        tradeState: 'SUCCESS',
        amountCents: AMOUNT,
        transactionId: 'T',
      }),
    ).toEqual({ outcome: 'transition', from: 'pending', to: 'paid' });
    expect(
      decidePayment(order, {
        kind: 'transaction',
        tradeState: 'SUCCESS',
        amountCents: AMOUNT - 1,
        transactionId: 'T',
      }),
    ).toEqual({ outcome: 'refused', reason: 'amount_mismatch' });
    expect(decidePayment(order, { kind: 'expired' })).toEqual({
      outcome: 'transition',
      from: 'pending',
      to: 'closed',
    });
    expect(
      decidePayment(order, {
        kind: 'transaction',
        tradeState: 'NOTPAY',
        amountCents: AMOUNT,
        transactionId: null,
      }),
    ).toEqual({ outcome: 'unchanged' });
  });

  it('never reaches paid with another amount, whatever the reports and their order', () => {
    fc.assert(
      fc.property(fc.array(report(), { maxLength: 12 }), (reports) => {
        const paidBy = reports.filter(
          (r) =>
            r.kind === 'transaction' &&
            r.tradeState === 'SUCCESS' &&
            r.amountCents === AMOUNT &&
            r.transactionId,
        );
        const end = run(reports);
        if (end.status === 'paid') {
          expect(paidBy.length).toBeGreaterThan(0);
          expect(end.amountCents).toBe(AMOUNT);
        }
      }),
    );
  });

  it('keeps paid final, with the first transaction that paid it: a repeat changes nothing, another is refused', () => {
    fc.assert(
      fc.property(
        fc.array(report(), { maxLength: 12 }),
        fc.array(report(), { maxLength: 12 }),
        (before, after) => {
          const paid = run([
            ...before,
            { kind: 'transaction', tradeState: 'SUCCESS', amountCents: AMOUNT, transactionId: '4200A' },
          ]);
          if (paid.status !== 'paid') return;
          const end = after.reduce(
            (state, r) =>
              applyPaymentDecision(
                state,
                decidePayment(state, r),
                r.kind === 'transaction' ? r.transactionId : null,
              ),
            paid,
          );
          expect(end).toEqual(paid);
        },
      ),
    );
  });

  it('is idempotent: applying any report twice in a row is applying it once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PAYMENT_STATUSES),
        fc.oneof(fc.constant<string | null>(null), fc.constant('4200A')),
        report(),
        (status, transactionId, r) => {
          const state: PaymentOrderState = { status, amountCents: AMOUNT, transactionId };
          const tx = r.kind === 'transaction' ? r.transactionId : null;
          const once = applyPaymentDecision(state, decidePayment(state, r), tx);
          const twice = applyPaymentDecision(once, decidePayment(once, r), tx);
          expect(twice).toEqual(once);
          // A second identical report never asks for a write.
          expect(decidePayment(once, r).outcome).not.toBe('transition');
        },
      ),
    );
  });

  it('lets a payment that beat our close still count (closed → paid), and never reopens', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAYMENT_STATUSES), report(), (status, r) => {
        const decision = decidePayment({ status, amountCents: AMOUNT, transactionId: '4200A' }, r);
        if (decision.outcome === 'transition') {
          expect(decision.from).toBe(status);
          expect(decision.to).not.toBe('pending');
          expect(status).not.toBe('paid');
          if (status === 'closed') expect(decision.to).toBe('paid');
        }
      }),
    );
  });
});
