import { getCallScreenPopRoute } from '@zhixiang/shared/ivr/routes';
import { CallPathSchema } from '@zhixiang/shared/ivr/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getCallScreenPop } from '../use-cases/get-call-screen-pop';
import { ivrWiring } from '../wiring';

export const handler = httpHandler(
  getCallScreenPopRoute,
  ivrWiring,
  ({ auth, pathParameters, deps }) =>
    getCallScreenPop(deps, auth, parseBody(CallPathSchema, pathParameters).callId),
  { roles: ['staff', 'admin'] },
);
