import { listCallbackFollowUpsRoute } from '@zhixiang/shared/callback/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { listCallbackFollowUps } from '../use-cases/callback-follow-ups';
import { callbackDeps } from '../use-cases/callback-policy';
import { callbackWiring } from '../wiring';

export const handler = httpHandler(
  listCallbackFollowUpsRoute,
  callbackWiring,
  ({ auth, deps }) => listCallbackFollowUps(callbackDeps(deps), auth),
  { roles: ['staff', 'admin'] },
);
