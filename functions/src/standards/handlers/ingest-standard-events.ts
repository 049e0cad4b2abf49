import { ingestStandardEventsRoute } from '@zhixiang/shared/standards/routes';
import { INGEST_HEADERS } from '@zhixiang/shared/standards/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { verifySignedRequest } from '../../platform/http/verify-signed-request';
import { ingestStandardEvents } from '../use-cases/ingest-events';
import { standardsWiring } from '../wiring';

/** The insurer's other systems, not a user: proven by the HMAC signature with timestamp and one-time nonce. */
export const handler = httpHandler(
  ingestStandardEventsRoute,
  standardsWiring,
  ({ body, deps }) => ingestStandardEvents(deps, body),
  {
    verifyRequest: (request, deps) =>
      verifySignedRequest(request, {
        headers: INGEST_HEADERS,
        secret: deps.secrets.standardsSigningSecret,
        claimNonce: (nonce, expiresAt) => deps.repositories.standards.claimNonce(nonce, expiresAt),
        now: deps.now,
        caller: 'standards-ingest',
      }),
  },
);
