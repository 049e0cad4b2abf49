import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getNoticeFunnel } from '../use-cases/get-notice-funnel';

export const handler = httpHandler(
  routes.getNoticeFunnel,
  ({ auth, query, container }) =>
    getNoticeFunnel({ notices: container.notices, now: container.now }, auth, query),
  { roles: ['staff', 'admin'] },
);
