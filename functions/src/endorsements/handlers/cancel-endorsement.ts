import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { cancelEndorsementRoute } from '@zhixiang/shared/endorsement/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { cancelEndorsement } from '../use-cases/cancel-endorsement';
import { endorsementDeps, endorsementsWiring } from '../wiring';

export const handler = httpHandler(
  cancelEndorsementRoute,
  endorsementsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps, body }) =>
    cancelEndorsement(
      endorsementDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
      body,
    ),
  { roles: ['customer', 'agent'] },
);
