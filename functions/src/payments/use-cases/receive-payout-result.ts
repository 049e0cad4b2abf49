import { AppError } from '@zhixiang/shared/errors';
import { decidePayout, resultStatus } from '@zhixiang/shared/payments/payout';
import type { PayoutResult } from '@zhixiang/shared/payments/schemas';
import { describeInstruction, PAYOUT_NOT_FOUND_MESSAGE, type PayoutDeps } from './payout-deps';

/**
 * The finance system's result of one instruction (the route has already checked its signature,
 * timestamp and one-time nonce): the instruction must be ours (404), of exactly this amount (400),
 * and still open to this result (409 for a different result after the first, or for an
 * instruction superseded by the customer's new account). Paid → 已付款; failed or returned by the
 * bank → 付款失败, and a bank return after payment 已付款 → 付款失败: one transaction on the application, once — a repeat, or a second result racing
 * the first, finds it applied and changes nothing.
 */
export async function receivePayoutResult(
  deps: Pick<PayoutDeps, 'instructions' | 'settlements' | 'logger' | 'now'>,
  result: PayoutResult,
): Promise<{ reference: string; status: 'pending' | 'paid' | 'failed'; applied: boolean }> {
  const instruction = await deps.instructions.get(result.reference);
  if (!instruction)
    throw new AppError('NOT_FOUND', `${PAYOUT_NOT_FOUND_MESSAGE}：${result.reference}`, {
      logMessage: `payout result for unknown reference ${result.reference}`,
    });
  const decision = decidePayout(instruction, {
    kind: 'result',
    outcome: result.outcome,
    amountCents: result.amountCents,
  });
  if (decision.kind === 'refuse')
    throw new AppError(decision.code, decision.message, {
      logMessage: `payout result ${result.outcome} ${result.amountCents} refused for ${instruction.reference} (${instruction.status}, ${instruction.amountCents})`,
    });
  const to = resultStatus(result.outcome);
  if (decision.kind === 'already') return { reference: instruction.reference, status: to, applied: false };
  const at = deps.now();
  const outcome = await deps.settlements.settled({
    instruction,
    to,
    result: {
      outcome: result.outcome,
      reason: result.reason ?? null,
      financeReference: result.financeReference ?? null,
      at: result.occurredAt ? Math.min(Date.parse(result.occurredAt), at) : at,
    },
  });
  const logged = {
    ...describeInstruction(instruction),
    outcome: result.outcome,
    reason: result.reason,
    applied: outcome === 'applied',
  };
  if (to === 'paid') deps.logger.info('payout paid', logged);
  else deps.logger.warn('payout failed', logged);
  return { reference: instruction.reference, status: to, applied: outcome === 'applied' };
}
