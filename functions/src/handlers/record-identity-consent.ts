import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { recordIdentityConsent } from '../use-cases/identity/record-identity-consent';

export const handler = httpHandler(
  routes.recordIdentityConsent,
  ({ auth, body, container }) => recordIdentityConsent(container, auth, body.version),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
