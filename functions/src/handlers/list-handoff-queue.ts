import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { listHandoffQueue } from '../use-cases/handoffs/list-handoff-queue';

export const handler = httpHandler(
  routes.listHandoffQueue,
  ({ auth, container }) => listHandoffQueue(container, auth),
  { roles: ['staff', 'admin'] },
);
