import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listDemoUsers } from '../use-cases/list-demo-users';

export const handler = httpHandler(routes.listDemoUsers, ({ container }) => listDemoUsers(container), {
  enabled: ({ config }) => config.demoSignIn,
});
