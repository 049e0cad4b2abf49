import { prepareCounterEndorsementRoute } from '@zhixiang/shared/endorsement/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createEndorsement } from '../use-cases/create-endorsement';
import { endorsementDeps } from '../wiring';
import { counterAuthorisationIdOf, trusteeActWiring } from '../wiring-trustee';

/** Staff prepare an authorised matter at the counter on an approved video authorisation. */
export const handler = httpHandler(
  prepareCounterEndorsementRoute,
  trusteeActWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps, body }) => {
    const authorisationId = counterAuthorisationIdOf(pathParameters);
    return createEndorsement(
      endorsementDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(PolicyPathSchema, { policyNo: pathParameters.policyNo }).policyNo,
      body,
      { counterAuthorisationId: authorisationId },
    );
  },
  { roles: ['staff'], successStatus: 201 },
);
