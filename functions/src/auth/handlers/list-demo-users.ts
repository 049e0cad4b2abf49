import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listDemoUsers } from '../use-cases/list-demo-users';
import { authWiring } from '../wiring';

export const handler = httpHandler(routes.listDemoUsers, authWiring, ({ deps }) => listDemoUsers(deps), {
  enabled: ({ config }) => config.demoSignIn,
});
