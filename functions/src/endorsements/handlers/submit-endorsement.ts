import { routes } from '@zhixiang/shared/api/routes';
import { EndorsementPathSchema, IDEMPOTENCY_KEY_HEADER } from '@zhixiang/shared/endorsement/application';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { endorsementDeps } from '../use-cases/endorsement-deps';
import { submitEndorsement } from '../use-cases/submit-endorsement';

export const handler = httpHandler(
  routes.submitEndorsement,
  ({ auth, pathParameters, headers, lambdaContext, sourceIp, userAgent, container, body }) =>
    submitEndorsement(
      endorsementDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
      body,
      headers[IDEMPOTENCY_KEY_HEADER],
      lambdaContext,
    ),
  { roles: ['customer', 'agent'] },
);
