import { EndorsementPathSchema, IDEMPOTENCY_KEY_HEADER } from '@zhixiang/shared/endorsement/application';
import { submitEndorsementRoute } from '@zhixiang/shared/endorsement/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { submitEndorsement } from '../use-cases/submit-endorsement';
import { endorsementDeps } from '../wiring';
import { trusteeActWiring } from '../wiring-trustee';

export const handler = httpHandler(
  submitEndorsementRoute,
  trusteeActWiring,
  ({ auth, pathParameters, headers, sourceIp, userAgent, deps, body }) =>
    submitEndorsement(
      endorsementDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
      body,
      headers[IDEMPOTENCY_KEY_HEADER],
    ),
  { roles: ['customer', 'agent'] },
);
