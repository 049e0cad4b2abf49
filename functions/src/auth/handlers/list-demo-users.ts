import { listDemoUsersRoute } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listDemoUsers } from '../use-cases/list-demo-users';
import { authDemoWiring } from '../wiring-demo';

export const handler = httpHandler(listDemoUsersRoute, authDemoWiring, ({ deps }) => listDemoUsers(deps), {
  enabled: ({ config }) => config.demoSignIn,
});
