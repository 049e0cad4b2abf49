import { authRoutes } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listDemoUsers } from '../use-cases/list-demo-users';
import { authWiring } from '../wiring';

export const handler = httpHandler(authRoutes.listDemoUsers, authWiring, ({ deps }) => listDemoUsers(deps), {
  enabled: ({ config }) => config.demoSignIn,
});
