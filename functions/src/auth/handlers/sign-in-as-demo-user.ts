import { authRoutes } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { signInAsDemoUser } from '../use-cases/sign-in-as-demo-user';
import { authWiring } from '../wiring';

export const handler = httpHandler(
  authRoutes.signInAsDemoUser,
  authWiring,
  ({ deps, body }) => signInAsDemoUser(deps, body),
  {
    enabled: ({ config }) => config.demoSignIn,
  },
);
