import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listCallbackFollowUps } from '../use-cases/callback-follow-ups';
import { callbackDeps } from '../use-cases/callback-policy';

export const handler = httpHandler(
  routes.listCallbackFollowUps,
  ({ auth, container }) => listCallbackFollowUps(callbackDeps(container), auth),
  { roles: ['staff', 'admin'] },
);
