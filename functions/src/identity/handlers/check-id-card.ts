import { checkIdCardRoute } from '@zhixiang/shared/identity/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { checkIdCard } from '../use-cases/check-id-card';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  checkIdCardRoute,
  identityWiring,
  ({ auth, body, deps }) => checkIdCard(deps, auth, body),
  { roles: ['customer', 'agent'] },
);
