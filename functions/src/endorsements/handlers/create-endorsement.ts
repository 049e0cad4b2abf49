import { endorsementRoutes } from '@zhixiang/shared/endorsement/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createEndorsement } from '../use-cases/create-endorsement';
import { endorsementDeps, endorsementsWiring } from '../wiring';

export const handler = httpHandler(
  endorsementRoutes.createEndorsement,
  endorsementsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps, body }) =>
    createEndorsement(
      endorsementDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body,
    ),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
