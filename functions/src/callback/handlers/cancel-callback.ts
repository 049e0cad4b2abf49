import { cancelCallbackRoute } from '@zhixiang/shared/callback/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { callbackDeps } from '../use-cases/callback-policy';
import { cancelCallback } from '../use-cases/cancel-callback';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  cancelCallbackRoute,
  callbackWiring,
  ({ auth, pathParameters, deps }) =>
    cancelCallback(callbackDeps(deps), auth, parseBody(PolicyPathSchema, pathParameters).policyNo),
  { roles: ['customer', 'agent'] },
);
