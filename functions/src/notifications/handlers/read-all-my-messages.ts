import { readAllMyMessagesRoute } from '@zhixiang/shared/notifications/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { readAllMyMessages } from '../use-cases/messages';
import { notificationsWiring } from '../wiring';

/** 全部已读, or one subject's messages (the application page opened). */
export const handler = httpHandler(readAllMyMessagesRoute, notificationsWiring, ({ auth, body, deps }) =>
  readAllMyMessages(deps, auth, body.subject),
);
