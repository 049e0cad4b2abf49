import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { recordIdentityConsent } from '../use-cases/record-identity-consent';

export const handler = httpHandler(
  routes.recordIdentityConsent,
  ({ auth, body, container }) => recordIdentityConsent(container, auth, body.version),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
