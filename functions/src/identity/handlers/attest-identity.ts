import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { attestIdentity } from '../use-cases/attest-identity';

export const handler = httpHandler(
  routes.attestIdentity,
  ({ auth, body, container, userAgent, sourceIp }) =>
    attestIdentity(container, auth, body, { userAgent, ip: sourceIp }),
  { roles: ['agent'], successStatus: 201 },
);
