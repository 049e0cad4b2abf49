import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { DebitOutcome } from '@zhixiang/shared/payments/repayment-debit';
import type { SandboxDebitRequest } from '@zhixiang/shared/payments/schemas';
import { deliverPayoutInstruction } from './deliver-payout-instructions';
import { DEBIT_NOT_FOUND_MESSAGE, type PayoutDeps } from './payout-deps';
import { acceptedBySandboxRoute } from './settle-sandbox-payout';

/** The local billing sandbox as the sandbox route needs it. */
export interface BillingSandboxControl {
  holds(reference: string): Promise<boolean>;
  settle(
    reference: string,
    outcome: DebitOutcome,
    reason: string | null,
  ): Promise<{ status: number; body: string }>;
}

/**
 * 「续期扣款沙箱」 (the route exists on the local stage only): the holder has the billing sandbox
 * report their own repayment debit's result on demand. A debit the outbox has not sent yet is sent
 * first, by the outbox's own delivery; then the sandbox posts its signed result to the real
 * `POST /billing/debit-results` route, which applies it with all its checks.
 */
export async function settleSandboxDebit(
  deps: PayoutDeps & { billingSandbox: () => Promise<BillingSandboxControl> },
  claims: AccessClaims,
  reference: string,
  request: SandboxDebitRequest,
): Promise<{ reference: string; status: 'pending' | 'paid' | 'failed' }> {
  const instruction = await deps.instructions.get(reference);
  if (instruction?.direction !== 'debit' || !claims.customerId || instruction.holderId !== claims.customerId)
    throw new AppError('NOT_FOUND', DEBIT_NOT_FOUND_MESSAGE, {
      logMessage: `sandbox debit ${reference} not found or not the caller's`,
    });
  const sandbox = await deps.billingSandbox();
  if (!(await sandbox.holds(reference))) await deliverPayoutInstruction(deps, instruction);
  const reason = request.outcome === 'success' ? null : (request.reason ?? '余额不足');
  acceptedBySandboxRoute(await sandbox.settle(reference, request.outcome, reason), '扣款');
  const settled = await deps.instructions.get(reference);
  const status = settled?.status === 'paid' || settled?.status === 'pending' ? settled.status : 'failed';
  return { reference, status };
}
