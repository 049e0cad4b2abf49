import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { submitIdentityReview } from '../use-cases/submit-identity-review';

export const handler = httpHandler(
  routes.submitIdentityReview,
  ({ auth, body, container, userAgent, sourceIp }) =>
    submitIdentityReview(container, auth, body, { userAgent, ip: sourceIp }),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
