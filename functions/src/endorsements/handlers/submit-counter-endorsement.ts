import { EndorsementPathSchema, IDEMPOTENCY_KEY_HEADER } from '@zhixiang/shared/endorsement/application';
import { submitCounterEndorsementRoute } from '@zhixiang/shared/endorsement/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { submitEndorsement } from '../use-cases/submit-endorsement';
import { endorsementDeps } from '../wiring';
import { counterAuthorisationIdOf, trusteeActWiring } from '../wiring-trustee';

/** Staff submit an application they prepared at the counter on a video authorisation. */
export const handler = httpHandler(
  submitCounterEndorsementRoute,
  trusteeActWiring,
  ({ auth, pathParameters, headers, sourceIp, userAgent, deps, body }) => {
    const authorisationId = counterAuthorisationIdOf(pathParameters);
    return submitEndorsement(
      endorsementDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, { applicationId: pathParameters.applicationId }).applicationId,
      body,
      headers[IDEMPOTENCY_KEY_HEADER],
      { counterAuthorisationId: authorisationId },
    );
  },
  { roles: ['staff'] },
);
