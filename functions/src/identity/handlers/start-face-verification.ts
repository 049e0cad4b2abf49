import { startFaceVerificationRoute } from '@zhixiang/shared/identity/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { startFaceVerification } from '../use-cases/start-face-verification';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  startFaceVerificationRoute,
  identityWiring,
  ({ auth, body, deps }) => startFaceVerification(deps, auth, body),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
