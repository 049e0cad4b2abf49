import type { RepaymentCollections } from '@zhixiang/shared/ports/repayment-collections';
import type { Platform } from '../platform/process';
import { repaymentCollections } from './use-cases/collect-repayment';
import { createEndorsementsDeps, endorsementDeps } from './wiring';

/**
 * What the payments context asks of endorsements: a repayment's amount due, its open order, and
 * the effect a confirmed payment brings. Wired by payments' functions over their own platform.
 */
export function createRepaymentCollections(platform: Platform): RepaymentCollections {
  return repaymentCollections(endorsementDeps(createEndorsementsDeps(platform)));
}
