import { routes } from '@zhixiang/shared/api/routes';
import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { sendHandoffMessage } from '../use-cases/handoffs/send-handoff-message';

export const handler = httpHandler(
  routes.sendHandoffMessage,
  ({ auth, body, pathParameters, container }) =>
    sendHandoffMessage(container, auth, parseBody(HandoffPathSchema, pathParameters).handoffId, body.text),
  { roles: ['customer', 'staff', 'admin'], successStatus: 201 },
);
