import { routes } from '@zhixiang/shared/api/routes';
import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { closeHandoff } from '../use-cases/handoffs/close-handoff';

export const handler = httpHandler(
  routes.closeHandoff,
  ({ auth, body, pathParameters, container }) =>
    closeHandoff(container, auth, parseBody(HandoffPathSchema, pathParameters).handoffId, body.summary),
  { roles: ['staff', 'admin'] },
);
