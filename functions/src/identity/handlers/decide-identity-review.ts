import { decideIdentityReviewRoute } from '@zhixiang/shared/identity/routes';
import { ReviewPathSchema } from '@zhixiang/shared/identity/verification';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { decideIdentityReview } from '../use-cases/decide-identity-review';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  decideIdentityReviewRoute,
  identityWiring,
  ({ auth, body, pathParameters, deps, userAgent, sourceIp }) =>
    decideIdentityReview(deps, auth, parseBody(ReviewPathSchema, pathParameters).reviewId, body, {
      userAgent,
      ip: sourceIp,
    }),
  { roles: ['staff', 'admin'] },
);
