import { getCallbackBookingRoute } from '@zhixiang/shared/callback/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { callbackDeps } from '../use-cases/callback-policy';
import { getCallbackBooking } from '../use-cases/get-callback-booking';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  getCallbackBookingRoute,
  callbackWiring,
  ({ auth, pathParameters, deps }) =>
    getCallbackBooking(callbackDeps(deps), auth, parseBody(PolicyPathSchema, pathParameters).policyNo),
  { roles: ['customer', 'agent'] },
);
