import { routes } from '@zhixiang/shared/api/routes';
import { LetterTypePathSchema } from '@zhixiang/shared/letters/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { updateLetterSubscription } from '../use-cases/letter-subscriptions';

/** One tap: subscribe, change or unsubscribe one letter type (by the customer, their agent or staff). */
export const handler = httpHandler(
  routes.updateLetterSubscription,
  ({ auth, pathParameters, body, container }) => {
    const { customerId, letterType } = parseBody(LetterTypePathSchema, pathParameters);
    return updateLetterSubscription(
      {
        subscriptions: container.letterSubscriptions,
        customers: container.repositories.customers,
        now: container.now,
      },
      auth,
      customerId,
      letterType,
      body,
    );
  },
);
