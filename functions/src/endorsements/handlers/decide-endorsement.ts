import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { decideEndorsementRoute } from '@zhixiang/shared/endorsement/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { decideEndorsement } from '../use-cases/decide-endorsement';
import { endorsementDeps, endorsementsWiring } from '../wiring';

export const handler = httpHandler(
  decideEndorsementRoute,
  endorsementsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps, body }) =>
    decideEndorsement(
      endorsementDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
      body,
    ),
  { roles: ['staff', 'admin'] },
);
