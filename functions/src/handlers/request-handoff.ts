import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { requestHandoff } from '../use-cases/handoffs/request-handoff';

export const handler = httpHandler(
  routes.requestHandoff,
  ({ auth, body, container }) => requestHandoff(container, auth, body.conversationId),
  { roles: ['customer'], successStatus: 201 },
);
