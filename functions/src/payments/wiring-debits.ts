import type { RepaymentDebitResult } from '@zhixiang/shared/notices/schemas';
import { createEndorsementMoneySteps } from '../endorsements/wiring-payments';
import type { Platform } from '../platform/process';
import { DynamoPayoutInstructions } from './adapters/payout-instructions';
import {
  type RepaymentDebitAnswer,
  receiveRepaymentDebitResult,
} from './use-cases/receive-repayment-debit-result';

/**
 * A repayment debit's result (续期账户扣款), for the billing system's signed debit-results route
 * that the letters context serves: it carries renewal premiums' debits and, with a `reference`,
 * repayments' — the latter applied here, through the endorsement engine.
 */
export function createRepaymentDebitResults(
  platform: Platform,
): (result: RepaymentDebitResult) => Promise<RepaymentDebitAnswer> {
  const deps = {
    instructions: new DynamoPayoutInstructions(platform.table, platform.fieldCipher),
    collections: createEndorsementMoneySteps(platform).repaymentCollections,
    logger: platform.logger,
    now: platform.now,
  };
  return (result) => receiveRepaymentDebitResult(deps, result);
}
