import { attestIdentityRoute } from '@zhixiang/shared/identity/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { attestIdentity } from '../use-cases/attest-identity';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  attestIdentityRoute,
  identityWiring,
  ({ auth, body, deps, userAgent, sourceIp }) =>
    attestIdentity(deps, auth, body, { userAgent, ip: sourceIp }),
  { roles: ['agent'], successStatus: 201 },
);
