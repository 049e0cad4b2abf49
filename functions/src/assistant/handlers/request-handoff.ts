import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { requestHandoff } from '../use-cases/request-handoff';
import { assistantWiring } from '../wiring';

export const handler = httpHandler(
  routes.requestHandoff,
  assistantWiring,
  ({ auth, body, deps }) => requestHandoff(deps, auth, body.conversationId),
  { roles: ['customer'], successStatus: 201 },
);
