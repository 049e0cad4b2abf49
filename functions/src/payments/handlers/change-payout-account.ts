import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { changePayoutAccountRoute } from '@zhixiang/shared/payments/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { changePayoutAccount } from '../use-cases/change-payout-account';
import { paymentsWiring, payoutDeps } from '../wiring';

export const handler = httpHandler(
  changePayoutAccountRoute,
  paymentsWiring,
  ({ auth, pathParameters, body, sourceIp, userAgent, deps }) =>
    changePayoutAccount(
      payoutDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
      body,
    ),
  { roles: ['customer'] },
);
