import { issueLetterDeps, letterIssuingStores } from '../letters/wiring-issuing';
import { defineWiring } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { DynamoAuthorisationStore } from './adapters/authorisations';
import type { DeliverAuthorisationLettersDeps } from './use-cases/deliver-decision-letters';

/**
 * The consumer of the decision letters' outbox: the authorisations and the records it reads, and
 * what issuing a letter needs (the renderer, the letters' store and files). Only this function of
 * the context carries the PDF tools.
 */
export const authorisationLettersWiring = defineWiring((platform) => ({
  ...platform,
  repositories: {
    ...createRecordRepositories(platform.table, platform.fieldCipher),
    authorisations: new DynamoAuthorisationStore(platform.table, platform.fieldCipher),
  },
  ...letterIssuingStores(platform),
}));

export function deliverAuthorisationLettersDeps(
  deps: Pick<
    ReturnType<typeof authorisationLettersWiring>,
    'repositories' | 'letters' | 'letterSubscriptions' | 'documentFiles' | 'logger' | 'now'
  >,
): DeliverAuthorisationLettersDeps {
  return {
    authorisations: deps.repositories.authorisations,
    customers: deps.repositories.customers,
    policies: deps.repositories.policies,
    products: deps.repositories.products,
    letterDeps: issueLetterDeps(deps),
    logger: deps.logger,
    now: deps.now,
  };
}
