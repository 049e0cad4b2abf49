import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { DynamoAuthorisationStore } from '../authorisations/adapters/authorisations';
import { parseBody } from '../platform/http/validation';
import { defineWiring, type Platform } from '../platform/process';
import { createEndorsementsDeps } from './wiring';

/**
 * The endorsement functions a trustee calls with `?authorisationId=` (options, create, submit):
 * the endorsements' dependencies plus the video authorisations the trustee acts on, kept apart so
 * the other functions that wire endorsements (the money steps of payments) do not carry them.
 */
export function createTrusteeActDeps(platform: Platform) {
  const deps = createEndorsementsDeps(platform);
  return {
    ...deps,
    repositories: {
      ...deps.repositories,
      authorisations: new DynamoAuthorisationStore(platform.table, platform.fieldCipher),
    },
  };
}

export const trusteeActWiring = defineWiring(createTrusteeActDeps);

/** The authorisation a counter route names in its path (柜面代办), checked for its shape. */
export function counterAuthorisationIdOf(pathParameters: Record<string, string | undefined>): string {
  return parseBody(AuthorisationPathSchema, { authorisationId: pathParameters.authorisationId })
    .authorisationId;
}
