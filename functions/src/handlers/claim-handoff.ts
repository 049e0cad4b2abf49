import { routes } from '@zhixiang/shared/api/routes';
import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { claimHandoff } from '../use-cases/handoffs/claim-handoff';

export const handler = httpHandler(
  routes.claimHandoff,
  ({ auth, pathParameters, container }) =>
    claimHandoff(container, auth, parseBody(HandoffPathSchema, pathParameters).handoffId),
  { roles: ['staff', 'admin'] },
);
