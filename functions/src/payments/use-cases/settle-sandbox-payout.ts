import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { PAYOUT_STATUS_LABELS, type PayoutOutcome } from '@zhixiang/shared/payments/payout';
import type { PayoutView, SandboxPayoutRequest } from '@zhixiang/shared/payments/schemas';
import { maskBankAccount } from '@zhixiang/shared/privacy/mask';
import { deliverPayoutInstruction } from './deliver-payout-instructions';
import { PAYOUT_NOT_FOUND_MESSAGE, type PayoutDeps } from './payout-deps';

/** The local finance sandbox as the sandbox route needs it. */
export interface FinanceSandboxControl {
  holds(reference: string): Promise<boolean>;
  settle(
    reference: string,
    outcome: PayoutOutcome,
    reason: string | null,
  ): Promise<{ status: number; body: string }>;
}

/**
 * 「财务付款沙箱」 (the route exists on the local stage only): the holder has the finance sandbox
 * report their own payout's result on demand. An instruction the outbox has not sent yet is sent
 * first, by the outbox's own delivery; then the sandbox posts its signed result to the real
 * `POST /payouts/results` route, which applies it with all its checks.
 */
export async function settleSandboxPayout(
  deps: PayoutDeps & { financeSandbox: () => Promise<FinanceSandboxControl> },
  claims: AccessClaims,
  reference: string,
  request: SandboxPayoutRequest,
): Promise<PayoutView> {
  const instruction = await deps.instructions.get(reference);
  if (!instruction || !claims.customerId || instruction.holderId !== claims.customerId)
    throw new AppError('NOT_FOUND', PAYOUT_NOT_FOUND_MESSAGE, {
      logMessage: `sandbox payout ${reference} not found or not the caller's`,
    });
  const sandbox = await deps.financeSandbox();
  if (!(await sandbox.holds(reference))) await deliverPayoutInstruction(deps, instruction);
  const reason =
    request.outcome === 'paid'
      ? null
      : (request.reason ?? (request.outcome === 'failed' ? '账户已销户' : '收款账户状态异常，银行退票'));
  acceptedBySandboxRoute(await sandbox.settle(reference, request.outcome, reason), '付款');
  const settled = await deps.instructions.get(reference);
  const status = settled?.status === 'paid' || settled?.status === 'pending' ? settled.status : 'failed';
  return {
    applicationId: instruction.applicationId,
    reference,
    amountCents: instruction.amountCents,
    status,
    statusLabel: PAYOUT_STATUS_LABELS[status],
    bankName: instruction.account.bankName,
    accountMasked: maskBankAccount(instruction.account.accountNumber),
  };
}

/**
 * What our results route answered the sandbox's signed result: a refusal of a result after the
 * first (409) in the route's own words, any other failure as the upstream's; 2xx passes.
 */
export function acceptedBySandboxRoute(
  answer: { status: number; body: string },
  what: '付款' | '扣款',
): void {
  if (answer.status === 409)
    throw new AppError('CONFLICT', answeredMessage(answer.body) ?? `${what}结果未被受理`, {
      logMessage: `sandbox ${what} result refused: ${answer.body.slice(0, 300)}`,
    });
  if (answer.status < 200 || answer.status > 299)
    throw new AppError('UPSTREAM_FAILED', `${what}结果未被受理（HTTP ${answer.status}）`, {
      logMessage: `sandbox ${what} result answered ${answer.status}: ${answer.body.slice(0, 300)}`,
    });
}

/** The `message` of a JSON error answer, if it has one. */
function answeredMessage(body: string): string | null {
  try {
    const { message } = JSON.parse(body) as { message?: unknown };
    return typeof message === 'string' ? message : null;
  } catch {
    return null;
  }
}
