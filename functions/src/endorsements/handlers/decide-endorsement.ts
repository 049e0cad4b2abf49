import { routes } from '@zhixiang/shared/api/routes';
import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { decideEndorsement } from '../use-cases/decide-endorsement';
import { endorsementDeps } from '../use-cases/endorsement-deps';

export const handler = httpHandler(
  routes.decideEndorsement,
  ({ auth, pathParameters, sourceIp, userAgent, container, body }) =>
    decideEndorsement(
      endorsementDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
      body,
    ),
  { roles: ['staff', 'admin'] },
);
