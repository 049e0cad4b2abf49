import type { notificationRoutes } from '@zhixiang/shared/notifications/routes';
import { type CasesFor, customersOnly } from '../support/authorisation-matrix';

/** A well-formed message id that no customer has (digits only, as the matrix's path check reads ids). */
const NO_SUCH_MESSAGE = '0'.repeat(24);

export const notificationCases: CasesFor<typeof notificationRoutes> = {
  // The message centre is the signed-in customer's own: each customer gets theirs (another
  // customer's messages are never reachable by id: the matrix's unknown id answers 404 to both);
  // agents, staff and executives 403.
  listMyMessages: { method: 'GET', path: '/me/messages', expected: customersOnly(200) },
  getMyUnreadMessageCount: {
    method: 'GET',
    path: '/me/messages/unread-count',
    expected: customersOnly(200),
  },
  readMyMessage: {
    method: 'POST',
    path: `/me/messages/${NO_SUCH_MESSAGE}/read`,
    expected: customersOnly(404),
  },
  readAllMyMessages: {
    method: 'POST',
    path: '/me/messages/read-all',
    body: {},
    expected: customersOnly(200),
  },
};
