import { routes } from '@zhixiang/shared/api/routes';
import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listHandoffMessages } from '../use-cases/list-handoff-messages';

export const handler = httpHandler(
  routes.listHandoffMessages,
  ({ auth, pathParameters, query, container }) =>
    listHandoffMessages(container, auth, parseBody(HandoffPathSchema, pathParameters).handoffId, query.after),
  { roles: ['customer', 'staff', 'admin'] },
);
