import { AppError } from '@zhixiang/shared/errors';
import type { RepaymentDebitResult } from '@zhixiang/shared/notices/schemas';
import { decidePayout } from '@zhixiang/shared/payments/payout';
import type { DebitStatus } from '@zhixiang/shared/payments/repayment-debit';
import type { RepaymentCollections } from '@zhixiang/shared/ports/repayment-collections';
import { DEBIT_NOT_FOUND_MESSAGE, describeInstruction, type PayoutDeps } from './payout-deps';

export const DEBIT_AMOUNT_MISMATCH_MESSAGE = '扣款金额与扣款指令不符';
export const DEBIT_POLICY_MISMATCH_MESSAGE = '扣款结果的保单号与扣款指令不符';
export const DEBIT_ALREADY_PAID_MESSAGE = '该扣款指令已扣款成功，不能再改为扣款失败';
export const DEBIT_ALREADY_FAILED_MESSAGE =
  '该扣款指令已扣款失败，不能再改为扣款成功；客户可改用微信支付或重新发起扣款';
export const DEBIT_NOT_AWAITING_MESSAGE = '该还款已不再等待此扣款，款项将由财务退回';

export interface RepaymentDebitAnswer {
  reference: string;
  status: DebitStatus;
  applied: boolean;
}

/**
 * The billing system's result of a repayment's debit instruction (on the signed debit-results
 * route, which has already checked the signature, timestamp and one-time nonce): the instruction
 * must be a debit of ours (404), of exactly this amount and policy (400), and still open to this
 * result (409 for a different result after the first). Success → the repayment takes effect as a
 * WeChat Pay payment does; failure → back to 待支付 with the reason. Once: a repeat, or a second
 * result racing the first, finds it applied and answers `applied: false`.
 */
export async function receiveRepaymentDebitResult(
  deps: Pick<PayoutDeps, 'instructions' | 'logger' | 'now'> & {
    collections: Pick<RepaymentCollections, 'debitSettled'>;
  },
  result: RepaymentDebitResult,
): Promise<RepaymentDebitAnswer> {
  const instruction = await deps.instructions.get(result.reference);
  if (instruction?.direction !== 'debit')
    throw new AppError('NOT_FOUND', `${DEBIT_NOT_FOUND_MESSAGE}：${result.reference}`, {
      field: 'reference',
      logMessage: `debit result for unknown reference ${result.reference}`,
    });
  if (result.policyNo !== undefined && result.policyNo !== instruction.policyNo)
    throw new AppError('VALIDATION_FAILED', DEBIT_POLICY_MISMATCH_MESSAGE, { field: 'policyNo' });
  const to = result.outcome === 'success' ? 'paid' : 'failed';
  const decision = decidePayout(instruction, {
    kind: 'result',
    outcome: to,
    amountCents: result.amountCents,
  });
  if (decision.kind === 'refuse') {
    const message =
      decision.code === 'VALIDATION_FAILED'
        ? DEBIT_AMOUNT_MISMATCH_MESSAGE
        : instruction.status === 'paid'
          ? DEBIT_ALREADY_PAID_MESSAGE
          : DEBIT_ALREADY_FAILED_MESSAGE;
    throw new AppError(decision.code, message, {
      ...(decision.code === 'VALIDATION_FAILED' ? { field: 'amountCents' } : {}),
      logMessage: `debit result ${result.outcome} ${result.amountCents} refused for ${instruction.reference} (${instruction.status}, ${instruction.amountCents})`,
    });
  }
  if (decision.kind === 'already') return { reference: instruction.reference, status: to, applied: false };
  const outcome = await deps.collections.debitSettled({
    instruction,
    outcome: result.outcome,
    reason: result.failureReason ?? null,
    resultId: result.resultId,
    at: deps.now(),
  });
  const logged = {
    ...describeInstruction(instruction),
    outcome: result.outcome,
    reason: result.failureReason,
  };
  if (outcome === 'not_awaiting') {
    // Money taken for a repayment no longer waiting for it: finance refunds it.
    deps.logger.error(
      'repayment debit succeeded for an application no longer awaiting it: refund by finance',
      logged,
    );
    throw new AppError('CONFLICT', DEBIT_NOT_AWAITING_MESSAGE, {
      logMessage: `debit ${instruction.reference} settled for an application no longer awaiting it`,
    });
  }
  if (to === 'paid') deps.logger.info('repayment debited', { ...logged, applied: outcome === 'applied' });
  else deps.logger.warn('repayment debit failed', { ...logged, applied: outcome === 'applied' });
  return { reference: instruction.reference, status: to, applied: outcome === 'applied' };
}
