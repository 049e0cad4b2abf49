import { routes } from '@zhixiang/shared/api/routes';
import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { cancelEndorsement } from '../use-cases/endorsements/cancel-endorsement';
import { endorsementDeps } from '../use-cases/endorsements/endorsement-deps';

export const handler = httpHandler(
  routes.cancelEndorsement,
  ({ auth, pathParameters, sourceIp, userAgent, container, body }) =>
    cancelEndorsement(
      endorsementDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
      body,
    ),
  { roles: ['customer', 'agent'] },
);
