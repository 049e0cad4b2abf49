import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { checkIdCard } from '../use-cases/check-id-card';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  routes.checkIdCard,
  identityWiring,
  ({ auth, body, deps }) => checkIdCard(deps, auth, body),
  { roles: ['customer', 'agent'] },
);
