import { recordIdentityConsentRoute } from '@zhixiang/shared/identity/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { recordIdentityConsent } from '../use-cases/record-identity-consent';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  recordIdentityConsentRoute,
  identityWiring,
  ({ auth, body, deps }) => recordIdentityConsent(deps, auth, body.version),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
