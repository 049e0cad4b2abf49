import { sendAttestationCodeRoute } from '@zhixiang/shared/identity/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { sendAttestationCode } from '../use-cases/send-attestation-code';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  sendAttestationCodeRoute,
  identityWiring,
  ({ auth, body, deps }) => sendAttestationCode(deps, auth, body),
  { roles: ['agent'] },
);
