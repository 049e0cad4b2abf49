import { routes } from '@zhixiang/shared/api/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { callbackDeps } from '../use-cases/callback/callback-policy';
import { listCallbackSlots } from '../use-cases/callback/list-callback-slots';

export const handler = httpHandler(
  routes.listCallbackSlots,
  ({ auth, pathParameters, container }) =>
    listCallbackSlots(callbackDeps(container), auth, parseBody(PolicyPathSchema, pathParameters).policyNo),
  { roles: ['customer', 'agent'] },
);
