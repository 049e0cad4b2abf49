import { listMyMessagesRoute } from '@zhixiang/shared/notifications/routes';
import { MessageListQuerySchema } from '@zhixiang/shared/notifications/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listMyMessages } from '../use-cases/messages';
import { notificationsWiring } from '../wiring';

/** 消息中心: the signed-in customer's messages, newest first. */
export const handler = httpHandler(listMyMessagesRoute, notificationsWiring, ({ auth, query, deps }) =>
  listMyMessages(deps, auth, parseBody(MessageListQuerySchema, query)),
);
