import { bookCallbackSlotRoute } from '@zhixiang/shared/callback/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { bookCallbackSlot } from '../use-cases/book-callback-slot';
import { callbackDeps } from '../use-cases/callback-policy';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  bookCallbackSlotRoute,
  callbackWiring,
  ({ auth, body, pathParameters, deps }) =>
    bookCallbackSlot(
      { ...callbackDeps(deps), metrics: deps.metrics },
      auth,
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body.slotId,
    ),
  { roles: ['customer', 'agent'], successStatus: 201 },
);
