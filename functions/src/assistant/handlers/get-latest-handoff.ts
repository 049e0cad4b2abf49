import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getLatestHandoff } from '../use-cases/get-latest-handoff';

export const handler = httpHandler(
  routes.getLatestHandoff,
  ({ auth, container }) => getLatestHandoff(container, auth),
  {
    roles: ['customer'],
  },
);
