import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listHandoffQueue } from '../use-cases/list-handoff-queue';

export const handler = httpHandler(
  routes.listHandoffQueue,
  ({ auth, container }) => listHandoffQueue(container, auth),
  { roles: ['staff', 'admin'] },
);
