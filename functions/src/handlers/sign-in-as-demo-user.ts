import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { signInAsDemoUser } from '../use-cases/auth/sign-in-as-demo-user';

export const handler = httpHandler(
  routes.signInAsDemoUser,
  ({ container, body }) => signInAsDemoUser(container, body),
  {
    enabled: ({ config }) => config.demoSignIn,
  },
);
