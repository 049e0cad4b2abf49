import { bindTrusteeRoute } from '@zhixiang/shared/authorisations/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { bindTrustee } from '../use-cases/bind-trustee';
import { trusteeDeps, trusteeWiring } from '../wiring-trustee';

export const handler = httpHandler(
  bindTrusteeRoute,
  trusteeWiring,
  ({ auth, deps, body }) => bindTrustee(trusteeDeps(deps), auth, body),
  { roles: ['customer'] },
);
