import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { signInAsDemoUser } from '../use-cases/sign-in-as-demo-user';
import { authWiring } from '../wiring';

export const handler = httpHandler(
  routes.signInAsDemoUser,
  authWiring,
  ({ deps, body }) => signInAsDemoUser(deps, body),
  {
    enabled: ({ config }) => config.demoSignIn,
  },
);
