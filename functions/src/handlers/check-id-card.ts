import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { checkIdCard } from '../use-cases/identity/check-id-card';

export const handler = httpHandler(
  routes.checkIdCard,
  ({ auth, body, container }) => checkIdCard(container, auth, body),
  { roles: ['customer', 'agent'] },
);
