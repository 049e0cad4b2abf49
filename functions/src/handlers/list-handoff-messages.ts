import { routes } from '@zhixiang/shared/api/routes';
import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { listHandoffMessages } from '../use-cases/handoffs/list-handoff-messages';

export const handler = httpHandler(
  routes.listHandoffMessages,
  ({ auth, pathParameters, query, container }) =>
    listHandoffMessages(container, auth, parseBody(HandoffPathSchema, pathParameters).handoffId, query.after),
  { roles: ['customer', 'staff', 'admin'] },
);
