import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { signOut } from '../use-cases/auth/sign-out';

export const handler = httpHandler(routes.signOut, ({ container, auth, body }) =>
  signOut(container, auth, body.refreshToken),
);
