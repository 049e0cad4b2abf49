import { listLetterSubscriptionsRoute } from '@zhixiang/shared/letters/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listLetterSubscriptions } from '../use-cases/letter-subscriptions';
import { lettersWiring } from '../wiring';

export const handler = httpHandler(
  listLetterSubscriptionsRoute,
  lettersWiring,
  ({ auth, pathParameters, deps }) =>
    listLetterSubscriptions(
      {
        subscriptions: deps.letterSubscriptions,
        customers: deps.repositories.customers,
        now: deps.now,
      },
      auth,
      parseBody(CustomerPathSchema, pathParameters).customerId,
    ),
);
