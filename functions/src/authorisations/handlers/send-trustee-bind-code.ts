import { sendTrusteeBindCodeRoute } from '@zhixiang/shared/authorisations/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { sendTrusteeBindCode } from '../use-cases/bind-trustee';
import { trusteeDeps, trusteeWiring } from '../wiring-trustee';

export const handler = httpHandler(
  sendTrusteeBindCodeRoute,
  trusteeWiring,
  ({ auth, deps, body }) => sendTrusteeBindCode(trusteeDeps(deps), auth, body),
  { roles: ['customer'] },
);
