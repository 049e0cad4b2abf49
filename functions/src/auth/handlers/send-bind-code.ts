import { sendBindCodeRoute } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { sendBindCode } from '../use-cases/send-bind-code';
import { authWiring } from '../wiring';

export const handler = httpHandler(
  sendBindCodeRoute,
  authWiring,
  ({ deps, auth, body }) => sendBindCode(deps, auth, body),
  {
    roles: ['customer'],
  },
);
