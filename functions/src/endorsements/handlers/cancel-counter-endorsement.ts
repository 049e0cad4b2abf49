import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { cancelCounterEndorsementRoute } from '@zhixiang/shared/endorsement/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { cancelEndorsement } from '../use-cases/cancel-endorsement';
import { endorsementDeps, endorsementsWiring } from '../wiring';
import { counterAuthorisationIdOf } from '../wiring-trustee';

/** Staff withdraw an application they prepared at the counter, until it is submitted. */
export const handler = httpHandler(
  cancelCounterEndorsementRoute,
  endorsementsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps, body }) => {
    const authorisationId = counterAuthorisationIdOf(pathParameters);
    return cancelEndorsement(
      endorsementDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, { applicationId: pathParameters.applicationId }).applicationId,
      body,
      { counterAuthorisationId: authorisationId },
    );
  },
  { roles: ['staff'] },
);
