import { signInAsDemoUserRoute } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { signInAsDemoUser } from '../use-cases/sign-in-as-demo-user';
import { authDemoWiring } from '../wiring-demo';

export const handler = httpHandler(
  signInAsDemoUserRoute,
  authDemoWiring,
  ({ deps, body }) => signInAsDemoUser(deps, body),
  {
    enabled: ({ config }) => config.demoSignIn,
  },
);
