import { routes } from '@zhixiang/shared/api/routes';
import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { closeHandoff } from '../use-cases/close-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  routes.closeHandoff,
  assistantWiring,
  ({ auth, body, pathParameters, deps }) =>
    closeHandoff(deps, auth, parseBody(HandoffPathSchema, pathParameters).handoffId, body.summary),
  { roles: ['staff', 'admin'] },
);
