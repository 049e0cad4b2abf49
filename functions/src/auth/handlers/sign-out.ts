import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { signOut } from '../use-cases/sign-out';

export const handler = httpHandler(routes.signOut, ({ container, auth, body }) =>
  signOut(container, auth, body.refreshToken),
);
