import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { startFaceVerification } from '../use-cases/start-face-verification';

export const handler = httpHandler(
  routes.startFaceVerification,
  ({ auth, body, container }) => startFaceVerification(container, auth, body),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
