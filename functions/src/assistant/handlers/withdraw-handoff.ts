import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { withdrawHandoffRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { withdrawHandoff } from '../use-cases/withdraw-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  withdrawHandoffRoute,
  assistantWiring,
  ({ auth, pathParameters, deps }) =>
    withdrawHandoff(deps, auth, parseBody(HandoffPathSchema, pathParameters).handoffId),
  { roles: ['customer'] },
);
