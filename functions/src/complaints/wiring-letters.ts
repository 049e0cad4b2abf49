import { issueLetterDeps, letterIssuingStores } from '../letters/wiring-issuing';
import { defineWiring } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { DynamoComplaintStore } from './adapters/complaints';
import type { DeliverDecisionLettersDeps } from './use-cases/deliver-decision-letters';

/**
 * The consumer of the decision letters' outbox: the complaints and the records it reads, and what
 * issuing a letter needs (the renderer, the letters' store and files). Only this function of the
 * context carries the PDF tools.
 */
export const decisionLettersWiring = defineWiring((platform) => ({
  ...platform,
  repositories: {
    ...createRecordRepositories(platform.table, platform.fieldCipher),
    complaints: new DynamoComplaintStore(platform.table),
  },
  ...letterIssuingStores(platform),
}));

export function deliverDecisionLettersDeps(
  deps: Pick<
    ReturnType<typeof decisionLettersWiring>,
    'repositories' | 'letters' | 'letterSubscriptions' | 'documentFiles' | 'logger' | 'now'
  >,
): DeliverDecisionLettersDeps {
  return {
    complaints: deps.repositories.complaints,
    customers: deps.repositories.customers,
    policies: deps.repositories.policies,
    products: deps.repositories.products,
    letterDeps: issueLetterDeps(deps),
    logger: deps.logger,
    now: deps.now,
  };
}
