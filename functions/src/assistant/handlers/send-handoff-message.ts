import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { sendHandoffMessageRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { sendHandoffMessage } from '../use-cases/send-handoff-message';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  sendHandoffMessageRoute,
  assistantWiring,
  ({ auth, body, pathParameters, deps }) =>
    sendHandoffMessage(deps, auth, parseBody(HandoffPathSchema, pathParameters).handoffId, body.text),
  { roles: ['customer', 'staff', 'admin'], successStatus: 201 },
);
