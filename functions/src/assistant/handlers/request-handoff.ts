import { requestHandoffRoute } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { requestHandoff } from '../use-cases/request-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  requestHandoffRoute,
  assistantWiring,
  ({ auth, body, deps }) => requestHandoff(deps, auth, body.conversationId),
  { roles: ['customer'], successStatus: 201 },
);
