import { getNoticeFunnelRoute } from '@zhixiang/shared/letters/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getNoticeFunnel } from '../use-cases/get-notice-funnel';
import { lettersWiring } from '../wiring';

export const handler = httpHandler(
  getNoticeFunnelRoute,
  lettersWiring,
  ({ auth, query, deps }) => getNoticeFunnel({ notices: deps.notices, now: deps.now }, auth, query),
  { roles: ['staff', 'admin'] },
);
