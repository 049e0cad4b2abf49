import { routes } from '@zhixiang/shared/api/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listLetterSubscriptions } from '../use-cases/letter-subscriptions';

export const handler = httpHandler(routes.listLetterSubscriptions, ({ auth, pathParameters, container }) =>
  listLetterSubscriptions(
    {
      subscriptions: container.letterSubscriptions,
      customers: container.repositories.customers,
      now: container.now,
    },
    auth,
    parseBody(CustomerPathSchema, pathParameters).customerId,
  ),
);
