import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { signInAsDemoUser } from '../use-cases/sign-in-as-demo-user';

export const handler = httpHandler(
  routes.signInAsDemoUser,
  ({ container, body }) => signInAsDemoUser(container, body),
  {
    enabled: ({ config }) => config.demoSignIn,
  },
);
