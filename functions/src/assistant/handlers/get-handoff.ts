import { routes } from '@zhixiang/shared/api/routes';
import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getHandoff } from '../use-cases/get-handoff';

export const handler = httpHandler(
  routes.getHandoff,
  ({ auth, pathParameters, container }) =>
    getHandoff(container, auth, parseBody(HandoffPathSchema, pathParameters).handoffId),
  { roles: ['staff', 'admin'] },
);
