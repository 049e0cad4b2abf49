import { updateLetterSubscriptionRoute } from '@zhixiang/shared/letters/routes';
import { LetterTypePathSchema } from '@zhixiang/shared/letters/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { updateLetterSubscription } from '../use-cases/letter-subscriptions';
import { lettersWiring } from '../wiring';

/** One tap: subscribe, change or unsubscribe one letter type (by the customer, their agent or staff). */
export const handler = httpHandler(
  updateLetterSubscriptionRoute,
  lettersWiring,
  ({ auth, pathParameters, body, deps }) => {
    const { customerId, letterType } = parseBody(LetterTypePathSchema, pathParameters);
    return updateLetterSubscription(
      {
        subscriptions: deps.letterSubscriptions,
        customers: deps.repositories.customers,
        now: deps.now,
      },
      auth,
      customerId,
      letterType,
      body,
    );
  },
);
