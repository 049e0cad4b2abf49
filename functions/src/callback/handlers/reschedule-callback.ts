import { rescheduleCallbackRoute } from '@zhixiang/shared/callback/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { callbackDeps } from '../use-cases/callback-policy';
import { rescheduleCallback } from '../use-cases/reschedule-callback';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  rescheduleCallbackRoute,
  callbackWiring,
  ({ auth, body, pathParameters, deps }) =>
    rescheduleCallback(callbackDeps(deps), auth, parseBody(PolicyPathSchema, pathParameters).policyNo, body),
  { roles: ['customer', 'agent'] },
);
