import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { requestHandoff } from '../use-cases/request-handoff';

export const handler = httpHandler(
  routes.requestHandoff,
  ({ auth, body, container }) => requestHandoff(container, auth, body.conversationId),
  { roles: ['customer'], successStatus: 201 },
);
