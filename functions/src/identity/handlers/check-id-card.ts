import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { checkIdCard } from '../use-cases/check-id-card';

export const handler = httpHandler(
  routes.checkIdCard,
  ({ auth, body, container }) => checkIdCard(container, auth, body),
  { roles: ['customer', 'agent'] },
);
