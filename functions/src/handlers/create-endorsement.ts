import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { createEndorsement } from '../use-cases/endorsements/create-endorsement';
import { endorsementDeps } from '../use-cases/endorsements/endorsement-deps';

export const handler = httpHandler(
  routes.createEndorsement,
  ({ auth, pathParameters, sourceIp, userAgent, container, body }) =>
    createEndorsement(
      endorsementDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body,
    ),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
