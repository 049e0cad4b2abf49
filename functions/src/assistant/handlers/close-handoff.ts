import { routes } from '@zhixiang/shared/api/routes';
import { HandoffPathSchema } from '@zhixiang/shared/assistant/handoff';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { closeHandoff } from '../use-cases/close-handoff';

export const handler = httpHandler(
  routes.closeHandoff,
  ({ auth, body, pathParameters, container }) =>
    closeHandoff(container, auth, parseBody(HandoffPathSchema, pathParameters).handoffId, body.summary),
  { roles: ['staff', 'admin'] },
);
