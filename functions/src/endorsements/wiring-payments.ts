import type { PayoutSettlements } from '@zhixiang/shared/ports/payout-settlements';
import type { RepaymentCollections } from '@zhixiang/shared/ports/repayment-collections';
import type { Platform } from '../platform/process';
import { repaymentCollections } from './use-cases/collect-repayment';
import { payoutSettlements } from './use-cases/settle-payout';
import { createEndorsementsDeps, endorsementDeps } from './wiring';

/**
 * What the payments context asks of endorsements: a repayment's amount due, its open order, and
 * the effect a confirmed payment brings; a payout's result, and the holder's other account after
 * a failure. Wired by payments' functions over their own platform.
 */
export function createEndorsementMoneySteps(platform: Platform): {
  repaymentCollections: RepaymentCollections;
  payoutSettlements: PayoutSettlements;
} {
  const deps = endorsementDeps(createEndorsementsDeps(platform));
  return { repaymentCollections: repaymentCollections(deps), payoutSettlements: payoutSettlements(deps) };
}
