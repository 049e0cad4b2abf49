import { routes } from '@zhixiang/shared/api/routes';
import { CallPathSchema } from '@zhixiang/shared/ivr/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { getCallScreenPop } from '../use-cases/ivr/get-call-screen-pop';

export const handler = httpHandler(
  routes.getCallScreenPop,
  ({ auth, pathParameters, container }) =>
    getCallScreenPop(container, auth, parseBody(CallPathSchema, pathParameters).callId),
  { roles: ['staff', 'admin'] },
);
