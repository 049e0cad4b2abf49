import { routes } from '@zhixiang/shared/api/routes';
import { BookingDateQuerySchema } from '@zhixiang/shared/callback/schemas';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { callbackDeps } from '../use-cases/callback-policy';
import { listCallbackBookings } from '../use-cases/list-callback-bookings';

export const handler = httpHandler(
  routes.listCallbackBookings,
  ({ auth, query, container }) => {
    const { date } = parseBody(BookingDateQuerySchema, {
      date: query.date ?? todayInShanghai(new Date(container.now())),
    });
    return listCallbackBookings(callbackDeps(container), auth, date);
  },
  { roles: ['staff', 'admin'] },
);
