import type { EndorsementType } from '../endorsement/types';

/**
 * Payouts (付款): the money an effective application pays the customer — a policy loan, a dividend
 * withdrawal, a surrender's refund (cooling-off refunds included) — as one payment instruction to
 * the insurer's finance system, and the one state machine of that instruction:
 *
 *   pending ─paid (the instruction's exact amount)→ paid
 *   pending ─failed / returned by the bank (a reason)→ failed
 *   paid    ─returned by the bank (a reason)→ failed
 *   failed  ─reissue (the customer gave another account of their own)→ superseded
 *             (and a new instruction, pending, with a new reference and idempotency key)
 *
 * A bank return (退票) can come days after the transfer was reported paid: the receiving bank sent
 * the money back (a closed or frozen account), so the payout failed after all and the customer is
 * asked for another account. It is the only result a paid instruction still takes. Superseded is
 * final, and failed is final for results: a repeat of a result changes nothing, and any other
 * result later is refused. A result of another amount is refused whatever the state. A pure
 * function: the use cases ask it before every conditional write, so two results racing each other
 * write once.
 */
export const PAYOUT_INSTRUCTION_STATUSES = ['pending', 'paid', 'failed', 'superseded'] as const;
export type PayoutInstructionStatus = (typeof PAYOUT_INSTRUCTION_STATUSES)[number];

/** The application's payout status, as the customer reads it. */
export const PAYOUT_STATUSES = ['pending', 'paid', 'failed'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  pending: '待付款',
  paid: '已付款',
  failed: '付款失败',
};

/** What the finance system reports of an instruction. */
export const PAYOUT_OUTCOMES = ['paid', 'failed', 'returned'] as const;
export type PayoutOutcome = (typeof PAYOUT_OUTCOMES)[number];
export const PAYOUT_OUTCOME_LABELS: Record<PayoutOutcome, string> = {
  paid: '已到账',
  failed: '付款失败',
  returned: '银行退票',
};

/** Types whose effect pays the customer: each becomes a payout instruction when it takes effect. */
export const PAYOUT_ENDORSEMENT_TYPES: readonly EndorsementType[] = [
  'policy_loan',
  'dividend_withdrawal',
  'surrender',
];

export type PayoutEvent =
  | { kind: 'result'; outcome: PayoutOutcome; amountCents: number }
  | { kind: 'reissue' };

export type PayoutDecision =
  | { kind: 'move'; to: PayoutInstructionStatus }
  /** The same result again: nothing to write. */
  | { kind: 'already' }
  | { kind: 'refuse'; code: 'VALIDATION_FAILED' | 'CONFLICT'; message: string };

export const PAYOUT_AMOUNT_MISMATCH_MESSAGE = '付款金额与付款指令不符';
export const PAYOUT_ALREADY_PAID_MESSAGE = '该付款指令已付款，之后只接受银行退票（returned）结果';
export const PAYOUT_ALREADY_FAILED_MESSAGE =
  '该付款指令已付款失败，不能再改为已付款；请等待客户更换收款账户后的新指令';
export const PAYOUT_SUPERSEDED_MESSAGE = '该付款指令已被新的付款指令取代';
export const PAYOUT_NOT_FAILED_MESSAGE = '只有付款失败后才能更换收款账户';

/** The status an instruction takes on a result (paid → paid; failed or returned → failed). */
export function resultStatus(outcome: PayoutOutcome): 'paid' | 'failed' {
  return outcome === 'paid' ? 'paid' : 'failed';
}

export function decidePayout(
  instruction: { status: PayoutInstructionStatus; amountCents: number },
  event: PayoutEvent,
): PayoutDecision {
  const { status } = instruction;
  if (event.kind === 'reissue') {
    if (status === 'failed') return { kind: 'move', to: 'superseded' };
    return {
      kind: 'refuse',
      code: 'CONFLICT',
      message: status === 'superseded' ? PAYOUT_SUPERSEDED_MESSAGE : PAYOUT_NOT_FAILED_MESSAGE,
    };
  }
  if (event.amountCents !== instruction.amountCents)
    return { kind: 'refuse', code: 'VALIDATION_FAILED', message: PAYOUT_AMOUNT_MISMATCH_MESSAGE };
  const to = resultStatus(event.outcome);
  switch (status) {
    case 'pending':
      return { kind: 'move', to };
    case 'superseded':
      return { kind: 'refuse', code: 'CONFLICT', message: PAYOUT_SUPERSEDED_MESSAGE };
    case 'paid':
      if (event.outcome === 'returned') return { kind: 'move', to: 'failed' };
      if (to === status) return { kind: 'already' };
      return { kind: 'refuse', code: 'CONFLICT', message: PAYOUT_ALREADY_PAID_MESSAGE };
    case 'failed':
      if (to === status) return { kind: 'already' };
      return {
        kind: 'refuse',
        code: 'CONFLICT',
        message: PAYOUT_ALREADY_FAILED_MESSAGE,
      };
  }
}

/** Our instruction number: `PO` + the Shanghai date + 12 letters and digits. */
export const PAYOUT_REFERENCE_PATTERN = /^PO\d{8}[A-Z0-9]{12}$/;
