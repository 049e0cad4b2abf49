import { routes } from '@zhixiang/shared/api/routes';
import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { decideEndorsement } from '../use-cases/endorsements/decide-endorsement';
import { endorsementDeps } from '../use-cases/endorsements/endorsement-deps';

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
