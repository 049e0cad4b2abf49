import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { closeHandoffRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { closeHandoff } from '../use-cases/close-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  closeHandoffRoute,
  assistantWiring,
  ({ auth, body, pathParameters, deps }) =>
    closeHandoff(deps, auth, parseBody(HandoffPathSchema, pathParameters).handoffId, body.summary),
  { roles: ['staff', 'admin'] },
);
