import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { assistantRoutes } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getHandoff } from '../use-cases/get-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  assistantRoutes.getHandoff,
  assistantWiring,
  ({ auth, pathParameters, deps }) =>
    getHandoff(deps, auth, parseBody(HandoffPathSchema, pathParameters).handoffId),
  { roles: ['staff', 'admin'] },
);
