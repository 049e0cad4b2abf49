import { assistantRoutes } from '@zhixiang/shared/assistant/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { requestHandoff } from '../use-cases/request-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  assistantRoutes.requestHandoff,
  assistantWiring,
  ({ auth, body, deps }) => requestHandoff(deps, auth, body.conversationId),
  { roles: ['customer'], successStatus: 201 },
);
