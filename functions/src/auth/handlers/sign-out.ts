import { signOutRoute } from '@zhixiang/shared/auth/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { signOut } from '../use-cases/sign-out';
import { authWiring } from '../wiring';

export const handler = httpHandler(signOutRoute, authWiring, ({ deps, auth, body }) =>
  signOut(deps, auth, body.refreshToken),
);
