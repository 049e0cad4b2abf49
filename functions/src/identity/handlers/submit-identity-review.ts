import { submitIdentityReviewRoute } from '@zhixiang/shared/identity/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { submitIdentityReview } from '../use-cases/submit-identity-review';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  submitIdentityReviewRoute,
  identityWiring,
  ({ auth, body, deps, userAgent, sourceIp }) =>
    submitIdentityReview(deps, auth, body, { userAgent, ip: sourceIp }),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
