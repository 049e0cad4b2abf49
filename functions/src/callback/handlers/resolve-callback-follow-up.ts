import { resolveCallbackFollowUpRoute } from '@zhixiang/shared/callback/routes';
import { PolicyPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { resolveCallbackFollowUp } from '../use-cases/callback-follow-ups';
import { callbackDeps } from '../use-cases/callback-policy';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  resolveCallbackFollowUpRoute,
  callbackWiring,
  ({ auth, body, pathParameters, deps }) =>
    resolveCallbackFollowUp(
      callbackDeps(deps),
      auth,
      parseBody(PolicyPathSchema, pathParameters).policyNo,
      body,
    ),
  { roles: ['staff', 'admin'] },
);
