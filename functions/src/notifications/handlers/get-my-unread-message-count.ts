import { getMyUnreadMessageCountRoute } from '@zhixiang/shared/notifications/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { getMyUnreadMessageCount } from '../use-cases/messages';
import { notificationsWiring } from '../wiring';

/** The message centre's unread badge. */
export const handler = httpHandler(getMyUnreadMessageCountRoute, notificationsWiring, ({ auth, deps }) =>
  getMyUnreadMessageCount(deps, auth),
);
