import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { bookCallbackSlot } from '../use-cases/callback/book-callback-slot';
import { callbackDeps } from '../use-cases/callback/callback-policy';

export const handler = httpHandler(
  routes.bookCallbackSlot,
  ({ auth, body, pathParameters, container }) =>
    bookCallbackSlot(
      callbackDeps(container),
      auth,
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body.slotId,
    ),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
