import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createEndorsement } from '../use-cases/create-endorsement';
import { endorsementDeps } from '../use-cases/endorsement-deps';

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
