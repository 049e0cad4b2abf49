import { readMyMessageRoute } from '@zhixiang/shared/notifications/routes';
import { MessagePathSchema } from '@zhixiang/shared/notifications/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { readMyMessage } from '../use-cases/messages';
import { notificationsWiring } from '../wiring';

/** A message opened: read from now on. */
export const handler = httpHandler(
  readMyMessageRoute,
  notificationsWiring,
  ({ auth, pathParameters, deps }) =>
    readMyMessage(deps, auth, parseBody(MessagePathSchema, pathParameters).messageId),
);
