import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { getHandoffRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getHandoff } from '../use-cases/get-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  getHandoffRoute,
  assistantWiring,
  ({ auth, pathParameters, deps }) =>
    getHandoff(deps, auth, parseBody(HandoffPathSchema, pathParameters).handoffId),
  { roles: ['staff', 'admin'] },
);
