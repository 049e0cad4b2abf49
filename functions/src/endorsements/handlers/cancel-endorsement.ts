import { routes } from '@zhixiang/shared/api/routes';
import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { cancelEndorsement } from '../use-cases/cancel-endorsement';
import { endorsementDeps } from '../use-cases/endorsement-deps';

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
