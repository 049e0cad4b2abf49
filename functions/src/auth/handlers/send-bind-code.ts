import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { sendBindCode } from '../use-cases/send-bind-code';

export const handler = httpHandler(
  routes.sendBindCode,
  ({ container, auth, body }) => sendBindCode(container, auth, body),
  {
    roles: ['customer'],
  },
);
