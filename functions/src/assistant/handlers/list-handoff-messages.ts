import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { listHandoffMessagesRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listHandoffMessages } from '../use-cases/list-handoff-messages';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  listHandoffMessagesRoute,
  assistantWiring,
  ({ auth, pathParameters, query, deps }) =>
    listHandoffMessages(deps, auth, parseBody(HandoffPathSchema, pathParameters).handoffId, query.after),
  { roles: ['customer', 'staff', 'admin'] },
);
