import { routes } from '@zhixiang/shared/api/routes';
import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { getHandoff } from '../use-cases/handoffs/get-handoff';

export const handler = httpHandler(
  routes.getHandoff,
  ({ auth, pathParameters, container }) =>
    getHandoff(container, auth, parseBody(HandoffPathSchema, pathParameters).handoffId),
  { roles: ['staff', 'admin'] },
);
