import { recordCallbackOutcomeRoute } from '@zhixiang/shared/callback/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { callbackDeps } from '../use-cases/callback-policy';
import { recordCallbackOutcome } from '../use-cases/record-callback-outcome';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  recordCallbackOutcomeRoute,
  callbackWiring,
  ({ auth, body, pathParameters, deps }) =>
    recordCallbackOutcome(
      { ...callbackDeps(deps), sms: deps.sms, logger: deps.logger, voiceThemes: deps.voiceThemes },
      auth,
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body,
    ),
  { roles: ['staff', 'admin'] },
);
