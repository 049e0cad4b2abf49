import { listCallbackSlotsRoute } from '@zhixiang/shared/callback/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { callbackDeps } from '../use-cases/callback-policy';
import { listCallbackSlots } from '../use-cases/list-callback-slots';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  listCallbackSlotsRoute,
  callbackWiring,
  ({ auth, pathParameters, deps }) =>
    listCallbackSlots(callbackDeps(deps), auth, parseBody(PolicyPathSchema, pathParameters).policyNo),
  { roles: ['customer', 'agent'] },
);
