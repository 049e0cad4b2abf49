import { FinanceError } from '@zhixiang/shared/ports/finance-payouts';
import type { PayoutInstructionRecord } from '@zhixiang/shared/ports/payout-instructions';
import { drainOutbox, nextAttemptAt } from '../../platform/outbox/drain-outbox';
import { describeInstruction, type PayoutDeps } from './payout-deps';

/** Instructions sent per run; the rest wait for the next (every minute). */
const PAGE = 25;

export interface PayoutDeliveryReport {
  due: number;
  delivered: number;
  /** Refused by finance for good (a malformed instruction, a key reused): kept for finance staff. */
  refused: number;
  /** Failed this time; retried on the outbox's schedule. */
  failed: number;
}

/**
 * The money outbox's consumer: each instruction due is sent — a payout to the finance system, a
 * repayment debit (续期账户扣款) to the billing system — (a signed
 * request with its idempotency key, so a retry after a lost answer pays nothing twice), then taken
 * off the outbox with a conditional write. A failure is counted on the instruction with its next
 * attempt (1, 5, 15, 60, 180 minutes — the schedule every outbox shares); a refusal that sending
 * again cannot fix takes it off at once. Either way it stays 待付款 and, without a result in time,
 * reaches the reconciliation list.
 */
export async function deliverPayoutInstructions(deps: PayoutDeps): Promise<PayoutDeliveryReport> {
  // A finance system that cannot be built (no FINANCE_API_BASE_URL, an unreadable secret) fails
  // the run — the job's alarm — and spends no instruction's retries: they wait in the outbox.
  await deps.finance();
  const due = await deps.instructions.listDue(deps.now(), PAGE);
  const report: PayoutDeliveryReport = { due: due.length, delivered: 0, refused: 0, failed: 0 };
  const { failed } = await drainOutbox(due, {
    deliver: async (instruction) => {
      const outcome = await deliverPayoutInstruction(deps, instruction);
      if (outcome === 'delivered') report.delivered++;
      if (outcome === 'refused') report.refused++;
    },
    recordFailure: (instruction, reason) =>
      deps.instructions.recordDeliveryFailure(
        instruction.reference,
        reason,
        nextAttemptAt(instruction.attempts + 1, deps.now()),
      ),
    describe: describeInstruction,
    logger: deps.logger,
    concurrency: 4,
  });
  report.failed = failed;
  return report;
}

/**
 * Sends one instruction (a payout to finance, a debit to billing); throws when it may be retried.
 * There is no claim before the send: a deliverer that stops between sending and marking it
 * delivered leaves it on the outbox, and the next run sends the same key again — accepted again,
 * paid or debited once by the receiving system's idempotency.
 */
export async function deliverPayoutInstruction(
  deps: Pick<PayoutDeps, 'finance' | 'billing' | 'instructions' | 'logger' | 'now'>,
  instruction: PayoutInstructionRecord,
): Promise<'delivered' | 'refused' | 'already'> {
  const system = instruction.direction === 'debit' ? 'billing' : 'finance';
  try {
    const accepted =
      system === 'billing'
        ? await (await deps.billing()).instructDebit(instruction)
        : await (await deps.finance()).instruct(instruction);
    const marked = await deps.instructions.markDelivered(instruction.reference, deps.now());
    deps.logger.info(`${system === 'billing' ? 'debit' : 'payout'} instruction accepted by ${system}`, {
      ...describeInstruction(instruction),
      ...accepted,
    });
    return marked ? 'delivered' : 'already';
  } catch (error) {
    if (!(error instanceof FinanceError) || error.retryable) throw error;
    deps.logger.error(`instruction refused by ${system}; left for finance staff`, {
      ...describeInstruction(instruction),
      status: error.status,
      code: error.code,
    });
    await deps.instructions.recordDeliveryFailure(instruction.reference, error.message, null);
    return 'refused';
  }
}
